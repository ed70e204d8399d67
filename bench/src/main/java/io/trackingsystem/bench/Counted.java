package io.trackingsystem.bench;

import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.tracking.storage.Snapshot;

/**
 * The events a site has stored: those in its sealed segments and its pending blocks. An event is processed, for
 * this benchmark, once it is counted here; it is in query answers within about a second after.
 */
final class Counted {

    private final Redis redis;
    private final String site;

    Counted(Redis redis, String site) {
        this.redis = redis;
        this.site = site;
    }

    long events() {
        return Snapshot.storedEvents(redis, site);
    }
}
