package io.trackingsystem.users;

import io.trackingsystem.routes.contract.Channels;
import io.trackingsystem.routes.redis.Redis;

import static io.trackingsystem.users.RedisCalls.await;

/**
 * Tells every gateway that access changed, so it stops honouring what it cached at once rather than within its
 * few seconds of freshness. At most once: a lost announcement only delays the change by that freshness.
 */
public final class Announcements {

    private final Redis redis;

    public Announcements(Redis redis) {
        this.redis = redis;
    }

    public void siteChanged(String siteId) {
        await(redis.async().publish(Channels.ACCESS_CHANGED, "site:" + siteId));
    }

    public void teamChanged(String teamId) {
        await(redis.async().publish(Channels.ACCESS_CHANGED, "team:" + teamId));
    }

    public void shareRevoked(String digest) {
        await(redis.async().publish(Channels.ACCESS_CHANGED, "share:" + digest));
    }

    public void keyRevoked(String digest) {
        await(redis.async().publish(Channels.API_KEYS_REVOKED, digest));
    }
}
