package io.trackingsystem.users;

import io.trackingsystem.routes.config.Env;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.routes.runtime.CamelService;
import io.trackingsystem.users.apikeys.ApiKeyRoutes;
import io.trackingsystem.users.tokens.AccessTokens;
import io.trackingsystem.users.tokens.Sessions;
import io.trackingsystem.users.tokens.SigningKey;
import io.trackingsystem.users.tokens.TokenRoutes;
import io.trackingsystem.users.users.LoginThrottle;
import io.trackingsystem.users.users.PasswordCheckBudget;
import io.trackingsystem.users.users.Passwords;
import io.trackingsystem.users.users.RegistrationThrottle;
import io.trackingsystem.users.users.UserRoutes;
import io.trackingsystem.users.users.UserStore;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/** Assembles the user-service: users, tokens and API keys, answered over the request stream. */
public final class UserService {

    private UserService() {
    }

    public static CamelService create(Env env) {
        UserServiceConfig config = UserServiceConfig.from(env);
        AtomicReference<Parts> assembled = new AtomicReference<>();
        Function<Redis, Parts> parts = redis ->
                assembled.updateAndGet(built -> built != null ? built : Parts.assemble(config, redis));
        return CamelService.named("user-service", config.common())
                .routes(redis -> parts.apply(redis).userRoutes())
                .routes(redis -> parts.apply(redis).tokenRoutes(redis))
                .routes(redis -> new ApiKeyRoutes(parts.apply(redis).users()));
    }

    /** The building blocks the feature routes share, made once Redis is connected. */
    private record Parts(UserStore users, Passwords passwords, LoginThrottle throttle,
                         RegistrationThrottle registrationThrottle, SigningKey signingKey, Sessions sessions) {

        static Parts assemble(UserServiceConfig config, Redis redis) {
            SigningKey key = SigningKey.from(config);
            PasswordCheckBudget budget = new PasswordCheckBudget(redis, config.passwordChecksPerSecond());
            return new Parts(new UserStore(redis), new Passwords(config.bcryptCost()),
                    new LoginThrottle(redis, config.loginMaxFailures(), config.loginMaxFailuresPerAddress(),
                            config.loginFailureWindow(), budget),
                    new RegistrationThrottle(redis, config.registrationsPerAddress(), config.registrationWindow(),
                            budget),
                    key,
                    new Sessions(redis, new AccessTokens(key, config.accessTokenTtl()), config.refreshTokenTtl()));
        }

        UserRoutes userRoutes() {
            return new UserRoutes(users, passwords, throttle, registrationThrottle, sessions);
        }

        TokenRoutes tokenRoutes(Redis redis) {
            return new TokenRoutes(redis, signingKey, sessions);
        }
    }
}
