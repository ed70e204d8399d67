package io.trackingsystem.gateway.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions whose access tokens must be refused, each until its tokens have run out anyway. Filled from the
 * user-service's announcements and its list in Redis; an entry is only ever dropped once it has expired, so a
 * revocation holds even if Redis forgets it.
 */
final class RevokedSessions {

    private final Map<String, Long> refuseUntil = new ConcurrentHashMap<>();

    boolean isRevoked(String sessionId) {
        Long until = refuseUntil.get(sessionId);
        return until != null && until > System.currentTimeMillis();
    }

    void revoke(String sessionId, long untilMillis) {
        refuseUntil.merge(sessionId, untilMillis, Math::max);
    }

    /** Takes an announcement: lines of {@code <sessionId> <refuse-until-ms>}; malformed lines are skipped. */
    void revokeAnnounced(String announcement) {
        if (announcement == null) {
            return;
        }
        for (String line : announcement.split("\n")) {
            String[] parts = line.strip().split(" ");
            if (parts.length == 2) {
                try {
                    revoke(parts[0], Long.parseLong(parts[1]));
                } catch (NumberFormatException e) {
                    // not an announcement line; nothing to revoke
                }
            }
        }
    }

    void forgetExpired() {
        long now = System.currentTimeMillis();
        refuseUntil.values().removeIf(until -> until <= now);
    }

    int size() {
        return refuseUntil.size();
    }
}
