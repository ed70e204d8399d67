package io.trackingsystem.tracking.storage;

/** A stream entry id, {@code <ms>-<seq>}, compared as Redis compares them. */
public record StreamId(long millis, long sequence) implements Comparable<StreamId> {

    public static final StreamId NONE = new StreamId(-1, 0);

    public static StreamId parse(String text) {
        if (text == null || text.isEmpty()) {
            return NONE;
        }
        int dash = text.indexOf('-');
        return new StreamId(Long.parseLong(text.substring(0, dash)), Long.parseLong(text.substring(dash + 1)));
    }

    /** The smallest id after this one. */
    public StreamId next() {
        return sequence == Long.MAX_VALUE ? new StreamId(millis + 1, 0) : new StreamId(millis, sequence + 1);
    }

    @Override
    public int compareTo(StreamId other) {
        int byMillis = Long.compare(millis, other.millis);
        return byMillis != 0 ? byMillis : Long.compareUnsigned(sequence, other.sequence);
    }

    @Override
    public String toString() {
        return this == NONE ? "" : millis + "-" + sequence;
    }
}
