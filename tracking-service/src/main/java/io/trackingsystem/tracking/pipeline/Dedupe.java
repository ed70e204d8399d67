package io.trackingsystem.tracking.pipeline;

/**
 * Gives the event its dedupe fingerprint: 96 bits of hash of its id, short enough to keep millions per day in
 * Redis. The check itself happens in the store script, in the same atomic step as the writes, so a redelivered
 * event can never be counted twice; its drops are counted as {@link DropReason#DUPLICATE}.
 */
public final class Dedupe implements Step {

    /** Characters of a fingerprint: 16 of 6 bits. */
    public static final int FINGERPRINT_CHARS = 16;

    @Override
    public void apply(Event event) {
        event.fingerprint(Hashes.base64(event.id(), FINGERPRINT_CHARS));
    }
}
