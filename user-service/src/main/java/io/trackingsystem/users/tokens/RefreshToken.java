package io.trackingsystem.users.tokens;

import io.trackingsystem.users.Secrets;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A refresh token: {@code <userId>.<sessionId>.<secret>} with 256 random bits of secret. Only a digest of the
 * secret is stored. The user and session parts let the service find the session's keys, which share the user's
 * hash tag, without an index.
 */
record RefreshToken(String userId, String sessionId, String secret) {

    private static final int SECRET_BYTES = 32;
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");

    static RefreshToken issue(String userId, String sessionId) {
        return new RefreshToken(userId, sessionId, Secrets.random(SECRET_BYTES));
    }

    static String newSessionId() {
        return Secrets.random(16);
    }

    static boolean isSessionId(String text) {
        return text != null && SESSION_ID.matcher(text).matches();
    }

    /** Empty for anything that is not shaped like a token this service issued. */
    static Optional<RefreshToken> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 3 || !isUserId(parts[0]) || !SESSION_ID.matcher(parts[1]).matches()
                || !SECRET.matcher(parts[2]).matches()) {
            return Optional.empty();
        }
        return Optional.of(new RefreshToken(parts[0], parts[1], parts[2]));
    }

    String digest() {
        return Secrets.sha256(secret);
    }

    String value() {
        return userId + '.' + sessionId + '.' + secret;
    }

    @Override
    public String toString() {
        return "RefreshToken[" + userId + "/" + sessionId + "]";
    }

    private static boolean isUserId(String text) {
        try {
            return UUID.fromString(text).toString().equals(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
