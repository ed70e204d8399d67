package io.trackingsystem.routes.contract;

/**
 * The pub/sub channel that carries a site's newly stored events, as JSON arrays, to live views.
 *
 * <p>Owner: the tracking-service publishes to it once a batch is stored; each gateway subscribes for the sites
 * whose live view is open there. Nothing is kept: a view sees what is published while it is connected.
 */
public final class LiveChannel {

    private LiveChannel() {
    }

    /** {@code live:{s:<site>}}, named after the site's keys, whose hash tag it shares. */
    public static String of(String site) {
        return "live:{s:" + site + "}";
    }
}
