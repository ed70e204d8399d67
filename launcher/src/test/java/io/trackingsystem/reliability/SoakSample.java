package io.trackingsystem.reliability;

/**
 * One look at the product under load.
 *
 * @param atMillis             when
 * @param heapBytes            the heap of this JVM, which runs the services, after a full collection
 * @param redisBytes           Redis {@code used_memory}
 * @param accepted             events acknowledged so far
 * @param counted              events the dashboard counts so far
 * @param ingestStreamLength   entries on the ingest stream, processed or not
 */
record SoakSample(long atMillis, long heapBytes, long redisBytes, long accepted, long counted,
                  long ingestStreamLength) {

    static SoakSample take(String redisUrl, SteadyLoad load, Api api, Api.Account account) {
        long accepted = load.accepted();
        long counted = api.countedEvents(account);
        return new SoakSample(System.currentTimeMillis(), Memory.heapAfterGc(), Memory.redisUsedMemory(redisUrl),
                accepted, counted, IngestBacklog.length(redisUrl));
    }

    /** Events acknowledged but not yet counted: how far processing is behind. */
    long lag() {
        return Math.max(0, accepted - counted);
    }

    @Override
    public String toString() {
        return "heap " + heapBytes / (1024 * 1024) + " MB, Redis " + redisBytes / (1024 * 1024) + " MB, accepted "
                + accepted + ", counted " + counted + ", lag " + lag() + ", ingest stream " + ingestStreamLength;
    }
}
