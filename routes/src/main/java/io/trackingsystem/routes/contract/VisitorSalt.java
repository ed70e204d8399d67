package io.trackingsystem.routes.contract;

import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.concurrent.CompletionStage;

/**
 * The secret salt of a UTC day, from which temporary visitor ids are derived: {@code ~} and 16 characters of
 * SHA-256 over the salt, the site, the visitor's address and user agent. The address itself is never stored, and
 * once a day's salt has expired the ids of that day cannot be traced back to anyone.
 *
 * <p>Key {@code tracking:salt:<yyyyMMdd>}, a string, TTL {@value #TTL_SECONDS} s. Owner: whichever service first
 * needs the day's salt creates it ({@code SET NX}); every replica of every service then reads the winner. The
 * gateway derives the ids of new events; the tracking-service those of entries the earlier release wrote.
 */
public final class VisitorSalt {

    /** Two days: long enough for every event received on the day, short enough to forget. */
    public static final long TTL_SECONDS = 2 * 86_400;
    private static final long DAY_MS = 86_400_000L;
    private static final SecureRandom RANDOM = new SecureRandom();

    private VisitorSalt() {
    }

    /** The UTC day whose salt applies to an event received at {@code receivedAt} (epoch ms). */
    public static long dayOf(long receivedAt) {
        return Math.floorDiv(receivedAt, DAY_MS);
    }

    public static String key(long epochDay) {
        return "tracking:salt:" + LocalDate.ofEpochDay(epochDay).format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    /** The day's salt, created first if no service has yet. */
    public static CompletionStage<String> forDay(RedisClusterAsyncCommands<String, String> redis, long epochDay) {
        String key = key(epochDay);
        byte[] fresh = new byte[24];
        RANDOM.nextBytes(fresh);
        return redis.set(key, Base64.getEncoder().encodeToString(fresh), SetArgs.Builder.nx().ex(TTL_SECONDS))
                .thenCompose(created -> redis.get(key))
                .thenApply(salt -> {
                    if (salt == null) {
                        throw new IllegalStateException("the visitor salt " + key + " vanished");
                    }
                    return salt;
                });
    }

    /**
     * @param address   the visitor's IP address, or empty
     * @param userAgent the visitor's user agent, or empty
     */
    public static String temporaryVisitorId(String salt, String site, String address, String userAgent) {
        byte[] digest = sha256(salt + '\n' + site + '\n' + address + '\n' + userAgent);
        return "~" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 16);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
