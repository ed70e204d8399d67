package io.trackingsystem.users;

import io.trackingsystem.routes.contract.TokenFormat;

/** Share and invitation tokens ({@link TokenFormat}), stored only as digests, and short ids for list entries. */
public final class Tokens {

    private Tokens() {
    }

    public static String generate() {
        return Secrets.random(32);
    }

    public static boolean isWellFormed(String token) {
        return TokenFormat.isWellFormed(token);
    }

    /** A short random id for list entries: 72 bits, 12 base64url characters. */
    public static String newId() {
        return Secrets.random(9);
    }
}
