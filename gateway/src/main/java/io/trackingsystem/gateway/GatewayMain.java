package io.trackingsystem.gateway;

import io.trackingsystem.routes.config.Env;

public final class GatewayMain {

    private GatewayMain() {
    }

    public static void main(String[] args) throws Exception {
        Gateway.create(Env.system()).run();
    }
}
