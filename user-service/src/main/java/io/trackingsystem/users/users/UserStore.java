package io.trackingsystem.users.users;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.users.RedisCalls.Script;
import io.trackingsystem.users.UserKeys;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.trackingsystem.users.RedisCalls.await;

/**
 * Users in Redis: one hash per user, and one index entry per email in the slot of its own key. Uniqueness needs no
 * script across slots: a registration first claims its email's entry with SET NX (only one of many concurrent
 * claims succeeds), then writes the user and what comes with it, then confirms the claim. A claim that is never
 * confirmed (the service died meanwhile) expires, freeing the email again.
 */
public final class UserStore {

    /** Long enough for the writes between claim and confirmation, short enough to free a dead registration's email. */
    static final Duration CLAIM_TTL = Duration.ofSeconds(60);

    private static final Script CONFIRM_CLAIM = Script.of("""
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
            redis.call('PERSIST', KEYS[1])
            return 1
            """);

    private static final Script UPDATE = Script.of("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            redis.call('HSET', KEYS[1], unpack(ARGV))
            return 1
            """);

    private final Redis redis;

    public UserStore(Redis redis) {
        this.redis = redis;
    }

    /** Claims the user's email for it; false when another account has it or is being registered with it. */
    public boolean claimEmail(User user) {
        String answer = await(redis.async().set(UserKeys.email(UserInput.emailKey(user.email())), user.id(),
                SetArgs.Builder.nx().px(CLAIM_TTL.toMillis())));
        return "OK".equals(answer);
    }

    /** Writes the user; its email must be claimed first. */
    public void write(User user) {
        await(redis.async().hset(UserKeys.user(user.id()), user.toHash()));
    }

    /** Makes a claim permanent; false when it expired meanwhile and the email may belong to someone else. */
    public boolean confirmEmail(User user) {
        Long confirmed = CONFIRM_CLAIM.run(redis, ScriptOutputType.INTEGER,
                new String[]{UserKeys.email(UserInput.emailKey(user.email()))}, user.id());
        return confirmed == 1;
    }

    /** Removes what {@link #write} wrote, after a claim that could not be confirmed. */
    public void discard(User user) {
        await(redis.async().del(UserKeys.user(user.id())));
    }

    /** Points an email's index entry at a user unless it points somewhere already; for the upgrade. */
    public void indexEmail(String email, String userId) {
        await(redis.async().setnx(UserKeys.email(UserInput.emailKey(email)), userId));
    }

    public Optional<User> find(String id) {
        Map<String, String> hash = await(redis.async().hgetall(UserKeys.user(id)));
        return hash.isEmpty() || !hash.containsKey("id") ? Optional.empty() : Optional.of(User.fromHash(hash));
    }

    public Optional<User> findByEmail(String email) {
        String id = await(redis.async().get(UserKeys.email(UserInput.emailKey(email))));
        return id == null ? Optional.empty() : find(id);
    }

    public boolean emailTaken(String email) {
        return await(redis.async().exists(UserKeys.email(UserInput.emailKey(email)))) > 0;
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

    /** The normalised form under which emails are compared. */
    public static String normalisedEmail(String email) {
        return UserInput.emailKey(email);
    }
}
