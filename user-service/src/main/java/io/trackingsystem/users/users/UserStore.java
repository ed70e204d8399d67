package io.trackingsystem.users.users;

import io.lettuce.core.ScriptOutputType;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.users.RedisCalls.Script;
import io.trackingsystem.users.Secrets;
import io.trackingsystem.users.UserKeys;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.trackingsystem.users.RedisCalls.await;

/**
 * Users in Redis: one hash per user plus two indexes, email → id and API-key digest → id. Every write that touches
 * an index runs as one script, so two registrations of one email cannot both win, and a key and its index entry
 * never disagree.
 */
public final class UserStore {

    /** Outcome of {@link #create}. */
    public enum Created { CREATED, EMAIL_TAKEN, API_KEY_TAKEN }

    /** Outcome of {@link #replaceApiKey}. */
    public enum Replaced { REPLACED, CHANGED_MEANWHILE, API_KEY_TAKEN }

    private static final Script CREATE = Script.of("""
            if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return 0 end
            if redis.call('HEXISTS', KEYS[2], ARGV[2]) == 1 then return -1 end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
            redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
            redis.call('HSET', KEYS[3], unpack(ARGV, 4))
            return 1
            """);

    private static final Script UPDATE = Script.of("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            redis.call('HSET', KEYS[1], unpack(ARGV))
            return 1
            """);

    /** Swaps the key only if it is still the one the caller read, and moves its index entry along. */
    private static final Script REPLACE_API_KEY = Script.of("""
            if redis.call('HGET', KEYS[1], 'apiKey') ~= ARGV[1] then return 0 end
            if redis.call('HEXISTS', KEYS[2], ARGV[4]) == 1 then return -1 end
            redis.call('HDEL', KEYS[2], ARGV[3])
            redis.call('HSET', KEYS[2], ARGV[4], ARGV[5])
            redis.call('HSET', KEYS[1], 'apiKey', ARGV[2], 'updatedAt', ARGV[6])
            return 1
            """);

    private final Redis redis;

    public UserStore(Redis redis) {
        this.redis = redis;
    }

    public Created create(User user) {
        List<String> args = new ArrayList<>(List.of(UserInput.emailKey(user.email()), Secrets.sha256(user.apiKey()),
                user.id()));
        user.toHash().forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        Long result = CREATE.run(redis, ScriptOutputType.INTEGER,
                new String[]{UserKeys.EMAIL_INDEX, UserKeys.API_KEY_INDEX, UserKeys.user(user.id())},
                args.toArray(String[]::new));
        return result == 1 ? Created.CREATED : result == 0 ? Created.EMAIL_TAKEN : Created.API_KEY_TAKEN;
    }

    public Optional<User> find(String id) {
        Map<String, String> hash = await(redis.async().hgetall(UserKeys.user(id)));
        return hash.isEmpty() ? Optional.empty() : Optional.of(User.fromHash(hash));
    }

    public Optional<User> findByEmail(String email) {
        String id = await(redis.async().hget(UserKeys.EMAIL_INDEX, UserInput.emailKey(email)));
        return id == null ? Optional.empty() : find(id);
    }

    public boolean emailTaken(String email) {
        return await(redis.async().hexists(UserKeys.EMAIL_INDEX, UserInput.emailKey(email)));
    }

    /** The id of the user whose API key this is. */
    public Optional<String> idForApiKey(String apiKey) {
        return Optional.ofNullable(await(redis.async().hget(UserKeys.API_KEY_INDEX, Secrets.sha256(apiKey))));
    }

    /** Sets fields of an existing user; false when there is no such user. */
    public boolean update(String id, Map<String, String> fields) {
        List<String> args = new ArrayList<>();
        fields.forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        Long result = UPDATE.run(redis, ScriptOutputType.INTEGER, new String[]{UserKeys.user(id)},
                args.toArray(String[]::new));
        return result == 1;
    }

    public Replaced replaceApiKey(User user, String newKey, Instant now) {
        Long result = REPLACE_API_KEY.run(redis, ScriptOutputType.INTEGER,
                new String[]{UserKeys.user(user.id()), UserKeys.API_KEY_INDEX},
                user.apiKey(), newKey, Secrets.sha256(user.apiKey()), Secrets.sha256(newKey), user.id(),
                now.toString());
        return result == 1 ? Replaced.REPLACED : result == 0 ? Replaced.CHANGED_MEANWHILE : Replaced.API_KEY_TAKEN;
    }
}
