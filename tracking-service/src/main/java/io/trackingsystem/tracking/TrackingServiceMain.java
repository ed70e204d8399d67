package io.trackingsystem.tracking;

import io.trackingsystem.routes.config.Env;

public final class TrackingServiceMain {

    private TrackingServiceMain() {
    }

    public static void main(String[] args) throws Exception {
        TrackingService.create(Env.system()).run();
    }
}
