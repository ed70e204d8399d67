package io.trackingsystem.users;

import io.trackingsystem.routes.config.Env;

public final class UserServiceMain {

    private UserServiceMain() {
    }

    public static void main(String[] args) throws Exception {
        UserService.create(Env.system()).run();
    }
}
