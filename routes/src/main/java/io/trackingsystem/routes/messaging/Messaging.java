package io.trackingsystem.routes.messaging;

/** Names shared by both ends of the messaging layer, and the Redis keys it owns. */
public final class Messaging {

    /** Header carrying the operation a service route was called for. */
    public static final String OPERATION = "operation";
    /**
     * The authenticated account. The gateway sets it as an exchange property after verifying a token; services
     * read it as a header. It travels in its own field, so a client can never supply it.
     */
    public static final String PRINCIPAL = "principal";
    /** Header naming the channel a broadcast arrived on. */
    public static final String CHANNEL = "channel";

    private Messaging() {
    }

    /**
     * The request stream of a service. Owner: the service's consumer group, which deletes each entry once answered.
     * Bounded by MAXLEN, no TTL.
     */
    public static String requestStream(String service) {
        return "rpc:{" + service + "}:requests";
    }

    /** Set by every instance of a service each second, expiring seconds after the last: a live instance exists. */
    static String aliveKey(String service) {
        return "rpc:{" + service + "}:alive";
    }

    /** Like {@link #aliveKey}, expiring an hour after the last beat: the service has been running lately. */
    static String seenKey(String service) {
        return "rpc:{" + service + "}:seen";
    }

    /**
     * STRING set with NX by the replica that starts handling a request, so no other replica ever starts it too.
     * Owner: the service's request workers. TTL: until the request's deadline, plus a margin for clocks apart.
     */
    static String startedKey(String service, String entryId) {
        return "rpc:{" + service + "}:started:" + entryId;
    }

    /** The pub/sub channel on which one caller instance receives its replies. */
    public static String replyChannel(String instanceId) {
        return "rpc:replies:" + instanceId;
    }
}
