package io.trackingsystem.routes.ingest;

/**
 * The pub/sub channel that carries a site's newly stored events, as JSON arrays, to live views.
 *
 * <p>Owner: the tracking-service publishes to it once a batch is stored; each gateway subscribes for the accounts
 * whose live view is open there. Nothing is kept: a view sees what is published while it is connected.
 */
public final class LiveChannel {

    /** The site every account has: one per account for now. */
    public static final String DEFAULT_SITE = "main";

    private LiveChannel() {
    }

    /** {@code live:{t:<account>}:<site>}, named after the site's keys, whose hash tag it shares. */
    public static String of(String account, String site) {
        return "live:{t:" + account + "}:" + site;
    }
}
