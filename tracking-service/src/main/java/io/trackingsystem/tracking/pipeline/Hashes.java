package io.trackingsystem.tracking.pipeline;

import java.nio.charset.StandardCharsets;

/**
 * Short, fast fingerprints for Redis members. Not for secrets: visitor ids derived from an IP address go through
 * {@link AssignVisitor}'s keyed SHA-256 instead.
 */
public final class Hashes {

    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
    private static final int[] DIGIT = new int[128];

    static {
        for (int i = 0; i < ALPHABET.length; i++) {
            DIGIT[ALPHABET[i]] = i;
        }
    }

    private Hashes() {
    }

    /** A 64-bit hash (FNV-1a over UTF-8, then a murmur finaliser for spread). */
    public static long hash64(String value, long seed) {
        long h = 0xcbf29ce484222325L ^ seed;
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** {@code chars} base64url characters (6 bits each) taken from two independent 64-bit hashes. */
    public static String base64(String value, int chars) {
        long a = hash64(value, 0);
        long b = hash64(value, 0x9e3779b97f4a7c15L);
        char[] out = new char[chars];
        for (int i = 0; i < chars; i++) {
            long source = i < 10 ? a : b;
            out[i] = ALPHABET[(int) ((source >>> (6 * (i % 10))) & 63)];
        }
        return new String(out);
    }

    /** The 6-bit value of one character of {@link #base64}'s text. */
    public static int base64Digit(char c) {
        return DIGIT[c];
    }

    /** A non-negative 63-bit hash as decimal text: Redis keeps sets of such members compact (intset). */
    public static String decimal(String value) {
        return Long.toString(hash64(value, 0) & Long.MAX_VALUE);
    }
}
