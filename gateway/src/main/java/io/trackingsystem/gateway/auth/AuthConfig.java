package io.trackingsystem.gateway.auth;

import io.trackingsystem.routes.config.Env;

/**
 * The gateway's authentication settings.
 *
 * @param trustedProxies {@code TRUSTED_PROXIES}, default 0: how many reverse proxies in front of the gateway append
 *                       to {@code X-Forwarded-For}. The client's address, which login throttling counts failures by,
 *                       is the entry that many hops from the right; with 0 the header is ignored, since any client
 *                       could write it
 */
public record AuthConfig(int trustedProxies) {

    public AuthConfig {
        if (trustedProxies < 0) {
            throw new IllegalArgumentException("TRUSTED_PROXIES must be 0 or more, got " + trustedProxies);
        }
    }

    public static AuthConfig from(Env env) {
        return new AuthConfig(env.integer("TRUSTED_PROXIES", 0));
    }
}
