package io.trackingsystem.users.upgrade;

import io.lettuce.core.MapScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.users.UserKeys;
import io.trackingsystem.users.sites.Onboarding;
import io.trackingsystem.users.users.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Map;

import static io.trackingsystem.users.RedisCalls.await;

/**
 * Upgrades the earlier release's accounts at start-up. That release kept one site per account, its tracking data
 * under the account's id, the API key in clear text in the user's hash, and two global index hashes. Each account
 * becomes a personal team and a site whose ids equal the user's id, its key becomes that site's write key (stored
 * as a digest only), and its email moves to an index entry of its own. Every step creates only what is missing and
 * the clear key is removed last, so an upgrade cut short, or run by two replicas at once, completes on the next run.
 */
public final class EarlierRelease {

    private static final Logger LOG = LoggerFactory.getLogger(EarlierRelease.class);
    private static final String LEGACY_KEY_FIELD = "apiKey";

    private final Redis redis;
    private final UserStore users;
    private final Onboarding onboarding;

    public EarlierRelease(Redis redis, UserStore users, Onboarding onboarding) {
        this.redis = redis;
        this.users = users;
        this.onboarding = onboarding;
    }

    /** Upgrades every account still in the earlier layout; does nothing once there is none. */
    public void upgrade() {
        int upgraded = 0;
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            MapScanCursor<String, String> page = await(redis.async().hscan(UserKeys.LEGACY_EMAIL_INDEX, cursor,
                    ScanArgs.Builder.limit(500)));
            for (Map.Entry<String, String> entry : page.getMap().entrySet()) {
                if (upgrade(entry.getValue())) {
                    upgraded++;
                }
            }
            cursor = page;
        } while (!cursor.isFinished());
        await(redis.async().del(UserKeys.LEGACY_EMAIL_INDEX, UserKeys.LEGACY_API_KEY_INDEX));
        if (upgraded > 0) {
            LOG.info("Upgraded {} accounts of the earlier release to personal teams and sites", upgraded);
        }
    }

    private boolean upgrade(String userId) {
        Map<String, String> hash = await(redis.async().hgetall(UserKeys.user(userId)));
        if (!hash.containsKey("email")) {
            return false;
        }
        users.indexEmail(hash.get("email"), userId);
        Instant createdAt = Instant.parse(hash.get("createdAt"));
        onboarding.adopt(userId, hash.getOrDefault("name", "My team"), hash.get(LEGACY_KEY_FIELD), createdAt);
        await(redis.async().hdel(UserKeys.user(userId), LEGACY_KEY_FIELD));
        return true;
    }
}
