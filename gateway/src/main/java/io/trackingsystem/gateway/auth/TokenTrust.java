package io.trackingsystem.gateway.auth;

import io.lettuce.core.Range;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScoredValue;
import io.trackingsystem.routes.contract.AccessTokenKeys;
import io.trackingsystem.routes.redis.Redis;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What a gateway needs to verify access tokens without asking anyone: the public keys of every user-service replica
 * and the revoked sessions, both kept in memory; a token signed with a key not known yet has the keys read again.
 * Announcements on {@link AuthKeys#SESSIONS_REVOKED_CHANNEL} take effect at once; a reload from Redis every
 * {@link #RELOAD} catches anything a lost announcement or a restart missed, which bounds how long a revoked token
 * can still pass.
 */
final class TokenTrust extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(TokenTrust.class);
    private static final String BEAN = "tokenTrust";
    static final Duration RELOAD = Duration.ofSeconds(2);
    /** How long a request whose token names an unknown key waits for the keys to be read again. */
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(1);

    private final CamelContext context;
    private final Redis redis;
    private final TrustedKeys keys = new TrustedKeys();
    private final RevokedSessions revoked = new RevokedSessions();
    private ScheduledExecutorService timer;
    private volatile boolean failing;

    private TokenTrust(CamelContext context, Redis redis) {
        this.context = context;
        this.redis = redis;
        keys.lookUpWith(this::reloadKeys);
    }

    /** The context's one instance, started with the context. */
    static synchronized TokenTrust in(CamelContext context) {
        TokenTrust trust = context.getRegistry().lookupByNameAndType(BEAN, TokenTrust.class);
        if (trust == null) {
            Redis redis = context.getRegistry().lookupByNameAndType("redis", Redis.class);
            if (redis == null) {
                throw new IllegalStateException("Token verification needs the service's Redis bound as 'redis'");
            }
            trust = new TokenTrust(context, redis);
            context.getRegistry().bind(BEAN, trust);
            try {
                context.addService(trust, true, true);
            } catch (Exception e) {
                throw new IllegalStateException("Could not start token verification", e);
            }
        }
        return trust;
    }

    TrustedKeys keys() {
        return keys;
    }

    RevokedSessions revoked() {
        return revoked;
    }

    @Override
    protected void doStart() {
        reload();
        timer = context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "token-trust");
        timer.scheduleWithFixedDelay(this::reload, RELOAD.toMillis(), RELOAD.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        if (timer != null) {
            context.getExecutorServiceManager().shutdown(timer);
            timer = null;
        }
    }

    /** The published keys alone, for a token whose key is not known yet; failures keep the last keys. */
    private void reloadKeys() {
        try {
            keys.replaceWith(redis.async().hgetall(AccessTokenKeys.PUBLIC_KEYS)
                    .get(LOOKUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.debug("Could not look up token keys: {}", e.toString());
        }
    }

    void reload() {
        try {
            RedisFuture<Map<String, String>> published = redis.async().hgetall(AccessTokenKeys.PUBLIC_KEYS);
            RedisFuture<List<ScoredValue<String>>> listed = redis.async().zrangebyscoreWithScores(
                    AuthKeys.REVOKED_SESSIONS, Range.create((double) System.currentTimeMillis(),
                            Double.POSITIVE_INFINITY));
            keys.replaceWith(published.get(RELOAD.toMillis(), TimeUnit.MILLISECONDS));
            for (ScoredValue<String> session : listed.get(RELOAD.toMillis(), TimeUnit.MILLISECONDS)) {
                revoked.revoke(session.getValue(), (long) session.getScore());
            }
            revoked.forgetExpired();
            if (failing) {
                LOG.info("Token keys and revocations are loading again ({} keys)", keys.size());
                failing = false;
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (!failing) {
                LOG.warn("Could not load token keys and revocations; keeping the last ones: {}", e.toString());
                failing = true;
            }
        }
    }
}
