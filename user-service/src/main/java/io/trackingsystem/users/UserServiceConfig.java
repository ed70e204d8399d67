package io.trackingsystem.users;

import io.trackingsystem.routes.config.CommonConfig;
import io.trackingsystem.routes.config.Env;

import java.time.Duration;
import java.util.Optional;

/**
 * The user-service's settings.
 *
 * @param common            the settings every service shares
 * @param jwtPrivateKey     {@code JWT_PRIVATE_KEY}: PEM, EC P-256 PKCS#8. Together with {@code JWT_PUBLIC_KEY}
 *                          (PEM, X.509). Without both, a key pair is generated once and kept in Redis, which suits
 *                          a laptop, not production
 * @param jwtPublicKey      {@code JWT_PUBLIC_KEY}: the public half of {@code JWT_PRIVATE_KEY}
 * @param accessTokenTtl    {@code ACCESS_TOKEN_TTL_SECONDS}, default 3600, at least 60: lifetime of an access token
 * @param refreshTokenTtl   {@code REFRESH_TOKEN_TTL_DAYS}, default 30, at least 1: a session ends after this long
 *                          without a refresh
 * @param bcryptCost        {@code BCRYPT_COST}, default 12, 10 to 20: work factor of new password hashes
 * @param loginMaxFailures  {@code LOGIN_MAX_FAILURES}, default 10: failed logins per email and client address
 *                          before further attempts answer 429
 * @param loginFailureWindow {@code LOGIN_FAILURE_WINDOW_SECONDS}, default 900: how long failures are counted,
 *                          from the first one
 * @param loginMaxFailuresPerAddress {@code LOGIN_MAX_FAILURES_PER_ADDRESS}, default 100: failed logins from one
 *                          client address, whatever the email, within the same window
 * @param registrationsPerAddress {@code REGISTRATIONS_PER_ADDRESS}, default 20: registrations from one client
 *                          address within {@code REGISTRATION_WINDOW_SECONDS}
 * @param registrationWindow {@code REGISTRATION_WINDOW_SECONDS}, default 3600
 * @param passwordChecksPerSecond {@code PASSWORD_CHECKS_PER_SECOND}, default 10: sign-ins, registrations and
 *                          password changes per second, all addresses and replicas together (each costs a bcrypt)
 */
public record UserServiceConfig(CommonConfig common, Optional<String> jwtPrivateKey, Optional<String> jwtPublicKey,
                                Duration accessTokenTtl, Duration refreshTokenTtl, int bcryptCost,
                                int loginMaxFailures, Duration loginFailureWindow, int loginMaxFailuresPerAddress,
                                int registrationsPerAddress, Duration registrationWindow,
                                int passwordChecksPerSecond) {

    public UserServiceConfig {
        if (jwtPrivateKey.isPresent() != jwtPublicKey.isPresent()) {
            throw new IllegalArgumentException("JWT_PRIVATE_KEY and JWT_PUBLIC_KEY must be given together");
        }
        atLeast("ACCESS_TOKEN_TTL_SECONDS", accessTokenTtl.toSeconds(), 60);
        atLeast("REFRESH_TOKEN_TTL_DAYS", refreshTokenTtl.toDays(), 1);
        atLeast("BCRYPT_COST", bcryptCost, 10);
        if (bcryptCost > 20) {
            throw new IllegalArgumentException("BCRYPT_COST must be at most 20, got " + bcryptCost);
        }
        atLeast("LOGIN_MAX_FAILURES", loginMaxFailures, 1);
        atLeast("LOGIN_FAILURE_WINDOW_SECONDS", loginFailureWindow.toSeconds(), 1);
        atLeast("LOGIN_MAX_FAILURES_PER_ADDRESS", loginMaxFailuresPerAddress, 1);
        atLeast("REGISTRATIONS_PER_ADDRESS", registrationsPerAddress, 1);
        atLeast("REGISTRATION_WINDOW_SECONDS", registrationWindow.toSeconds(), 1);
        atLeast("PASSWORD_CHECKS_PER_SECOND", passwordChecksPerSecond, 1);
    }

    public static UserServiceConfig from(Env env) {
        return new UserServiceConfig(
                CommonConfig.from(env),
                env.optional("JWT_PRIVATE_KEY"),
                env.optional("JWT_PUBLIC_KEY"),
                Duration.ofSeconds(env.number("ACCESS_TOKEN_TTL_SECONDS", 3600)),
                Duration.ofDays(env.number("REFRESH_TOKEN_TTL_DAYS", 30)),
                env.integer("BCRYPT_COST", 12),
                env.integer("LOGIN_MAX_FAILURES", 10),
                Duration.ofSeconds(env.number("LOGIN_FAILURE_WINDOW_SECONDS", 900)),
                env.integer("LOGIN_MAX_FAILURES_PER_ADDRESS", 100),
                env.integer("REGISTRATIONS_PER_ADDRESS", 20),
                Duration.ofSeconds(env.number("REGISTRATION_WINDOW_SECONDS", 3600)),
                env.integer("PASSWORD_CHECKS_PER_SECOND", 10));
    }

    private static void atLeast(String name, long value, long minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ", got " + value);
        }
    }
}
