package io.trackingsystem.users.apikeys;

import io.trackingsystem.users.Secrets;

/**
 * API keys: {@code tsk_} and 192 random bits. The prefix lets secret scanners and people recognise one; it is not
 * part of the secret.
 */
public final class ApiKey {

    private static final String PREFIX = "tsk_";
    /** Longer input cannot be a key, and is answered without a lookup. */
    static final int MAX_LENGTH = 64;

    private ApiKey() {
    }

    public static String generate() {
        return PREFIX + Secrets.random(24);
    }
}
