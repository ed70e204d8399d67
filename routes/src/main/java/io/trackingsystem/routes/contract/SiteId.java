package io.trackingsystem.routes.contract;

/** The shape of site and team ids: opaque, {@code [A-Za-z0-9_-]{1,64}}. Anything else names nothing. */
public final class SiteId {

    public static final int MAX_LENGTH = 64;

    private SiteId() {
    }

    public static boolean isValid(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
