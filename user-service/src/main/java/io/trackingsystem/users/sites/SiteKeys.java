package io.trackingsystem.users.sites;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.trackingsystem.routes.contract.AccessKeys;
import io.trackingsystem.routes.contract.KeyFormat;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.users.Announcements;
import io.trackingsystem.users.Limits;
import io.trackingsystem.users.RedisCalls;
import io.trackingsystem.users.RedisCalls.Script;
import io.trackingsystem.users.Responses;
import io.trackingsystem.users.Secrets;
import io.trackingsystem.users.Tokens;
import io.trackingsystem.users.UserKeys;
import io.trackingsystem.users.teams.TeamStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.trackingsystem.users.RedisCalls.await;

/**
 * A site's API keys: write keys ({@code tsk_}) for ingest and stats keys ({@code tsr_}) for the Analytics API. A
 * key's secret is handed out once, at creation; Redis keeps its digest, in the site's list and as the name of its
 * index entry ({@link AccessKeys#apiKey}), which is what gateways read. The list entry is written first and
 * deleted last, so a working key is always listed, and so can always be deleted.
 */
public final class SiteKeys {

    /** KEYS: the site's key list. ARGV: key id, entry, limit. Adds the entry unless the site is full. */
    private static final Script LIST_WITHIN_LIMIT = Script.of("""
            if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return 1 end
            if redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            return 1
            """);

    private final Redis redis;
    private final Announcements announcements;

    public SiteKeys(Redis redis, Announcements announcements) {
        this.redis = redis;
        this.announcements = announcements;
    }

    /** A key as its site's admins see it; {@code secret} only right after creation. */
    public record Key(String id, String kind, String prefix, String digest, Instant createdAt, String secret) {

        public ObjectNode toJson(Optional<Instant> lastUsedAt) {
            ObjectNode json = Responses.object();
            json.put("id", id);
            json.put("kind", kind);
            json.put("prefix", prefix);
            json.put("createdAt", createdAt.toString());
            if (secret != null) {
                json.put("secret", secret);
            }
            if (lastUsedAt.isPresent()) {
                json.put("lastUsedAt", lastUsedAt.get().toString());
            } else {
                json.putNull("lastUsedAt");
            }
            return json;
        }

        String toStored() {
            return StoredEntries.write(Map.of("id", id, "kind", kind, "prefix", prefix, "digest", digest,
                    "createdAt", createdAt.toString()));
        }

        static Key fromStored(String stored) {
            Map<String, String> entry = StoredEntries.read(stored);
            return new Key(entry.get("id"), entry.get("kind"), entry.get("prefix"), entry.get("digest"),
                    Instant.parse(entry.get("createdAt")), null);
        }
    }

    /** A new key of {@code kind} ({@link AccessKeys#WRITE_KIND} or {@link AccessKeys#STATS_KIND}); empty when full. */
    public Optional<Key> create(String siteId, String kind, Instant now) {
        String prefix = AccessKeys.WRITE_KIND.equals(kind) ? KeyFormat.WRITE_PREFIX : KeyFormat.STATS_PREFIX;
        return add(siteId, kind, prefix + Secrets.random(24), Tokens.newId(), now);
    }

    /** Takes over a key that exists already, under an id derived from it, so that doing it again changes nothing. */
    public void adopt(String siteId, String secret, Instant createdAt) {
        add(siteId, AccessKeys.WRITE_KIND, secret, "k" + AccessKeys.digest(secret).substring(0, 12), createdAt);
    }

    private Optional<Key> add(String siteId, String kind, String secret, String id, Instant now) {
        Key key = new Key(id, kind, secret.substring(0, KeyFormat.SHOWN_LENGTH), AccessKeys.digest(secret), now,
                secret);
        Long listed = LIST_WITHIN_LIMIT.run(redis, ScriptOutputType.INTEGER, new String[]{UserKeys.siteKeys(siteId)},
                key.id(), key.toStored(), Integer.toString(Limits.KEYS_PER_SITE));
        if (listed == 0) {
            return Optional.empty();
        }
        TeamStore.CREATE_IF_ABSENT.run(redis, ScriptOutputType.INTEGER, new String[]{AccessKeys.apiKey(key.digest())},
                AccessKeys.KEY_KIND, kind, AccessKeys.GRANT_SITE, siteId, AccessKeys.GRANT_ID, key.id());
        return Optional.of(key);
    }

    /** Every key of the site, each with when a gateway last saw it used. */
    public List<ObjectNode> list(String siteId) {
        List<Key> keys = await(redis.async().hvals(UserKeys.siteKeys(siteId))).stream()
                .map(Key::fromStored).sorted((a, b) -> a.createdAt().compareTo(b.createdAt())).toList();
        List<RedisFuture<String>> used = keys.stream()
                .map(key -> redis.async().hget(AccessKeys.apiKey(key.digest()), AccessKeys.KEY_USED_AT)).toList();
        List<ObjectNode> listed = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String usedAt = RedisCalls.await(used.get(i));
            listed.add(keys.get(i).toJson(Optional.ofNullable(usedAt).map(ms -> Instant.ofEpochMilli(
                    Long.parseLong(ms)))));
        }
        return listed;
    }

    /** Deletes a key: its index entry first, so it stops working before it stops being listed. */
    public boolean delete(String siteId, String keyId) {
        String stored = await(redis.async().hget(UserKeys.siteKeys(siteId), keyId));
        if (stored == null) {
            return false;
        }
        revoke(siteId, Key.fromStored(stored));
        return true;
    }

    /** Deletes every key of the site of {@code kind}, or of every kind when null. */
    public void deleteAll(String siteId, String kind) {
        for (String stored : await(redis.async().hvals(UserKeys.siteKeys(siteId)))) {
            Key key = Key.fromStored(stored);
            if (kind == null || kind.equals(key.kind())) {
                revoke(siteId, key);
            }
        }
    }

    private void revoke(String siteId, Key key) {
        await(redis.async().del(AccessKeys.apiKey(key.digest())));
        announcements.keyRevoked(key.digest());
        await(redis.async().hdel(UserKeys.siteKeys(siteId), key.id()));
    }
}
