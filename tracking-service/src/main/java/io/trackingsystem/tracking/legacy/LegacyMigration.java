package io.trackingsystem.tracking.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.Range;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SetArgs;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.ZAddArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.tracking.blocks.BlockFormat;
import io.trackingsystem.tracking.blocks.StoredEvent;
import io.trackingsystem.tracking.catalogue.Column;
import io.trackingsystem.tracking.pipeline.Hashes;
import io.trackingsystem.tracking.storage.LuaScript;
import io.trackingsystem.tracking.storage.SiteKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Upgrades the earlier release's data at start-up, before any event is processed: per account, its dedupe
 * fingerprints are copied (so an event redelivered across the upgrade is still recognised), each day's raw event
 * stream becomes one sealed segment of the site whose id is the account's, and then the stream and the roll-ups,
 * which the engine derives itself, are deleted. Every step can be repeated: a segment has a name derived from its
 * day, the manifest lists it once, and a raw stream is deleted only once its segment is listed, so a crash
 * mid-way loses nothing and a restart finishes the work. The visit a raw event was stored under becomes its given
 * session id, so visits stay as they were counted.
 */
public final class LegacyMigration {

    private static final Logger LOG = LoggerFactory.getLogger(LegacyMigration.class);
    private static final LuaScript LIST_SEGMENT = LuaScript.named("list-segment.lua");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final long DAY_MILLIS = 86_400_000L;
    private static final int CHUNK = 10_000;

    /** What one run did. */
    public record Report(int accounts, int days, long events) {
    }

    private final Redis redis;
    private final Duration retention;

    public LegacyMigration(Redis redis, Duration retention) {
        this.redis = redis;
        this.retention = retention;
    }

    public Report run() throws Exception {
        try (Redis.Dedicated connection = redis.dedicated()) {
            RedisClusterCommands<String, String> sync = connection.sync();
            Map<String, List<String>> rawByAccount = new TreeMap<>();
            for (String key : scan(sync, LegacyKeys.RAW_PATTERN)) {
                String account = LegacyKeys.accountOf(key);
                if (account != null) {
                    rawByAccount.computeIfAbsent(account, a -> new ArrayList<>()).add(key);
                }
            }
            int days = 0;
            long events = 0;
            for (Map.Entry<String, List<String>> account : rawByAccount.entrySet()) {
                LegacyKeys legacy = LegacyKeys.of(account.getKey());
                SiteKeys site = SiteKeys.of(account.getKey());
                copyDedupe(sync, legacy, site);
                for (String raw : account.getValue()) {
                    events += migrateDay(sync, site, raw);
                    days++;
                }
                deleteTheRest(sync, legacy);
                sync.zadd(SiteKeys.COMPACTION_QUEUE, ZAddArgs.Builder.nx(), System.currentTimeMillis(),
                        account.getKey());
            }
            if (!rawByAccount.isEmpty()) {
                LOG.info("Upgraded the earlier release's data: {} accounts, {} days, {} events",
                        rawByAccount.size(), days, events);
            }
            return new Report(rawByAccount.size(), days, events);
        }
    }

    private void copyDedupe(RedisClusterCommands<String, String> sync, LegacyKeys legacy, SiteKeys site) {
        for (String key : scan(sync, legacy.pattern())) {
            if (!legacy.kindOf(key).equals("dd")) {
                continue;
            }
            Map<String, String> fingerprints = sync.hgetall(key);
            long ttl = sync.pttl(key);
            if (fingerprints.isEmpty() || ttl <= 0) {
                continue;
            }
            String target = site.copiedFingerprints(Long.parseLong(legacy.generationOf(key)));
            sync.hset(target, fingerprints);
            sync.pexpire(target, ttl);
        }
    }

    /** One day's raw stream as a segment, listed in the manifest, then the stream deleted; answers its events. */
    private long migrateDay(RedisClusterCommands<String, String> sync, SiteKeys site, String rawKey) throws Exception {
        String day = LegacyKeys.dayOf(rawKey);
        int epochDay = (int) LocalDate.parse(day, DAY).toEpochDay();
        List<StoredEvent> events = new ArrayList<>();
        String after = "-";
        while (true) {
            List<StreamMessage<String, String>> chunk = sync.xrange(rawKey, Range.create(after, "+"),
                    io.lettuce.core.Limit.create(0, CHUNK));
            for (StreamMessage<String, String> entry : chunk) {
                String value = entry.getBody().get(RawFields.FIELD);
                if (value != null) {
                    events.add(event(epochDay, day, entry.getId(), RawFields.split(value)));
                }
            }
            if (chunk.size() < CHUNK) {
                break;
            }
            after = "(" + chunk.get(chunk.size() - 1).getId();
        }
        if (!events.isEmpty()) {
            String id = "legacy" + day;
            long expiresAt = (epochDay + 1L) * DAY_MILLIS + retention.toMillis();
            redis.binary().set(SiteKeys.bytes(site.segment(epochDay, id)), BlockFormat.encode(epochDay, events),
                    SetArgs.Builder.pxAt(expiresAt)).get();
            LIST_SEGMENT.call(redis.binary(), List.of(SiteKeys.bytes(site.manifest())),
                    List.of(bytes(Integer.toString(epochDay)), bytes(id), bytes(Integer.toString(events.size()))))
                    .get();
        }
        sync.del(rawKey);
        return events.size();
    }

    private static StoredEvent event(int epochDay, String day, String entryId, String[] fields) throws IOException {
        Column[] columns = Column.values();
        String[] values = new String[columns.length];
        java.util.Arrays.fill(values, "");
        values[Column.NAME.ordinal()] = fields[1];
        values[Column.TYPE.ordinal()] = fields[2];
        values[Column.VISITOR.ordinal()] = fields[3];
        values[Column.SESSION_ID.ordinal()] = fields[4];
        values[Column.PATH.ordinal()] = fields[5];
        // the earlier release kept source and UTM values at 6-11, and no location
        values[Column.SOURCE.ordinal()] = fields[6];
        for (int i = 0; i < Column.UTM.length; i++) {
            values[Column.UTM[i].ordinal()] = fields[7 + i];
        }
        values[Column.BROWSER.ordinal()] = fields[12];
        values[Column.OS.ordinal()] = fields[13];
        values[Column.DEVICE.ordinal()] = fields[14];
        values[Column.SCREEN.ordinal()] = fields[15];
        values[Column.LANGUAGE.ordinal()] = fields[16];
        Map<String, String> props = new TreeMap<>();
        if (!fields[17].isEmpty()) {
            JsonNode json = JSON.readTree(fields[17]);
            Iterator<Map.Entry<String, JsonNode>> all = json.fields();
            while (all.hasNext()) {
                Map.Entry<String, JsonNode> property = all.next();
                props.put(property.getKey(), property.getValue().asText());
            }
        }
        return new StoredEvent(Hashes.hash64(day + "-" + entryId, 0), epochDay * DAY_MILLIS
                + Long.parseLong(fields[0]), values, props.keySet().toArray(String[]::new),
                props.values().toArray(String[]::new));
    }

    /** The roll-ups, session state and whatever else remains of the account's earlier keys. */
    private static void deleteTheRest(RedisClusterCommands<String, String> sync, LegacyKeys legacy) {
        List<String> keys = scan(sync, legacy.pattern());
        for (int from = 0; from < keys.size(); from += 500) {
            sync.unlink(keys.subList(from, Math.min(keys.size(), from + 500)).toArray(String[]::new));
        }
    }

    private static List<String> scan(RedisClusterCommands<String, String> sync, String pattern) {
        List<String> keys = new ArrayList<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = sync.scan(cursor, ScanArgs.Builder.matches(pattern).limit(1000));
            keys.addAll(page.getKeys());
            cursor = page;
        } while (!cursor.isFinished());
        return keys;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
