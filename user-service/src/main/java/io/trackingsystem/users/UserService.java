package io.trackingsystem.users;

import io.trackingsystem.routes.config.CommonConfig;
import io.trackingsystem.routes.config.Env;
import io.trackingsystem.routes.runtime.CamelService;

/** Assembles the user-service: users, tokens and API keys, answered over the request stream. */
public final class UserService {

    private UserService() {
    }

    public static CamelService create(Env env) {
        return CamelService.named("user-service", CommonConfig.from(env));
    }
}
