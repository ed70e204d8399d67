package io.trackingsystem.tracking.pipeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Names the visitor: the userId, else the anonymousId, else a temporary id derived from the IP address and user
 * agent with a secret salt that changes every UTC day. The IP address itself is never stored, and once a day's
 * salt is gone the temporary ids cannot be traced back. An event without either gets a visitor of its own.
 * Temporary ids start with "~".
 */
public final class AssignVisitor implements Step {

    private static final long DAY = 86_400_000L;

    /** The secret salt of a UTC day, the same for every replica. */
    @FunctionalInterface
    public interface Salts {
        String forDay(long epochDay);
    }

    private final Salts salts;

    public AssignVisitor(Salts salts) {
        this.salts = salts;
    }

    @Override
    public void apply(Event event) {
        String id = !event.userId().isEmpty() ? event.userId()
                : !event.anonymousId().isEmpty() ? event.anonymousId()
                : temporaryId(event);
        event.visitor(id, Hashes.decimal(id));
    }

    private String temporaryId(Event event) {
        if (event.ip().isEmpty() && event.userAgent().isEmpty()) {
            return "~" + Hashes.base64(event.account() + '\n' + event.id(), 16);
        }
        String salt = salts.forDay(Math.floorDiv(event.receivedAt(), DAY));
        byte[] digest = sha256(salt + '\n' + event.account() + '\n' + event.ip() + '\n' + event.userAgent());
        return "~" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 16);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
