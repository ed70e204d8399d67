package io.trackingsystem.routes.runtime;

import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpEngine;

/**
 * Pins platform-http routes to the public server. With the management server running in the same context there
 * are two Vert.x servers, and the stock engine cannot tell which one its routes belong to.
 */
final class PublicHttpEngine extends VertxPlatformHttpEngine {

    private final int port;

    PublicHttpEngine(int port) {
        this.port = port;
    }

    @Override
    public int getServerPort() {
        return port;
    }
}
