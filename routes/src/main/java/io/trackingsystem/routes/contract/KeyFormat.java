package io.trackingsystem.routes.contract;

import java.util.Optional;

/**
 * The one shape of a site's API keys: a kind prefix and 192 random bits as 32 base64url characters. Every place
 * that receives a key (ingest, the Analytics API, the user-service) canonicalises it here first, so that one key
 * has one spelling: one cache entry, one rate bucket, one index lookup. Anything else is not a key and is refused
 * without a lookup.
 */
public final class KeyFormat {

    /** Write keys, for ingest. */
    public static final String WRITE_PREFIX = "tsk_";
    /** Stats keys, read-only access to a site's Analytics API. */
    public static final String STATS_PREFIX = "tsr_";
    /** Random characters after the prefix. */
    public static final int SECRET_LENGTH = 32;
    /** Characters of a key shown in lists: the prefix and the first four random characters. */
    public static final int SHOWN_LENGTH = WRITE_PREFIX.length() + 4;

    private KeyFormat() {
    }

    /**
     * The key with surrounding whitespace of any kind removed, when what remains is a well-formed key of either
     * kind; empty otherwise. Longer input is refused before it is stripped, so the work stays bounded.
     */
    public static Optional<String> canonical(String raw) {
        if (raw == null || raw.length() > 256) {
            return Optional.empty();
        }
        String key = raw.strip();
        if (key.length() != WRITE_PREFIX.length() + SECRET_LENGTH
                || !(key.startsWith(WRITE_PREFIX) || key.startsWith(STATS_PREFIX))) {
            return Optional.empty();
        }
        for (int i = WRITE_PREFIX.length(); i < key.length(); i++) {
            char c = key.charAt(i);
            boolean base64url = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
            if (!base64url) {
                return Optional.empty();
            }
        }
        return Optional.of(key);
    }

    public static boolean isWriteKey(String canonical) {
        return canonical.startsWith(WRITE_PREFIX);
    }

    public static boolean isStatsKey(String canonical) {
        return canonical.startsWith(STATS_PREFIX);
    }
}
