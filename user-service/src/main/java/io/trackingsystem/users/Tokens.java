package io.trackingsystem.users;

/**
 * Share and invitation tokens: 256 random bits as 43 base64url characters, stored only as digests. Anything of
 * another shape is refused before any lookup.
 */
public final class Tokens {

    public static final int LENGTH = 43;

    private Tokens() {
    }

    public static String generate() {
        return Secrets.random(32);
    }

    public static boolean isWellFormed(String token) {
        if (token == null || token.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            boolean base64url = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
            if (!base64url) {
                return false;
            }
        }
        return true;
    }

    /** A short random id for list entries: 72 bits. */
    public static String newId() {
        return Secrets.random(9);
    }
}
