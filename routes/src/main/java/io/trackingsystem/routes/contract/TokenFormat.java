package io.trackingsystem.routes.contract;

/**
 * The shape of share-link and invitation tokens: 256 random bits as 43 base64url characters. Both ends check it
 * before any lookup, so a malformed token costs nothing.
 */
public final class TokenFormat {

    public static final int LENGTH = 43;

    private TokenFormat() {
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
}
