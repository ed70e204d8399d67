package io.trackingsystem.users;

import io.trackingsystem.routes.config.Env;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.routes.runtime.CamelService;
import io.trackingsystem.users.sites.Onboarding;
import io.trackingsystem.users.sites.Shares;
import io.trackingsystem.users.sites.SiteAccessRoutes;
import io.trackingsystem.users.sites.SiteKeys;
import io.trackingsystem.users.sites.SitePurges;
import io.trackingsystem.users.sites.SiteRoutes;
import io.trackingsystem.users.sites.SiteStore;
import io.trackingsystem.users.teams.Invitations;
import io.trackingsystem.users.teams.TeamRoutes;
import io.trackingsystem.users.teams.TeamStore;
import io.trackingsystem.users.tokens.AccessTokens;
import io.trackingsystem.users.tokens.Sessions;
import io.trackingsystem.users.tokens.SigningKey;
import io.trackingsystem.users.tokens.TokenRoutes;
import io.trackingsystem.users.upgrade.EarlierRelease;
import io.trackingsystem.users.users.LoginThrottle;
import io.trackingsystem.users.users.PasswordCheckBudget;
import io.trackingsystem.users.users.Passwords;
import io.trackingsystem.users.users.RegistrationThrottle;
import io.trackingsystem.users.users.UserRoutes;
import io.trackingsystem.users.users.UserStore;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Assembles the user-service: users, tokens, teams, sites and their keys and shares, answered over the request
 * stream. Accounts of the earlier release are upgraded before any route runs.
 */
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
                .routes(redis -> parts.apply(redis).teamRoutes())
                .routes(redis -> parts.apply(redis).siteRoutes())
                .routes(redis -> parts.apply(redis).siteAccessRoutes())
                .routes(redis -> new SitePurges(parts.apply(redis).sites()));
    }

    /** The building blocks the feature routes share, made once Redis is connected. */
    private record Parts(UserStore users, Passwords passwords, LoginThrottle throttle,
                         RegistrationThrottle registrationThrottle, SigningKey signingKey, Sessions sessions,
                         TeamStore teams, SiteStore sites, SiteKeys keys, Shares shares,
                         Announcements announcements, Onboarding onboarding, Invitations invitations) {

        static Parts assemble(UserServiceConfig config, Redis redis) {
            SigningKey key = SigningKey.from(config);
            PasswordCheckBudget budget = new PasswordCheckBudget(redis, config.passwordChecksPerSecond());
            UserStore users = new UserStore(redis);
            TeamStore teams = new TeamStore(redis);
            SiteStore sites = new SiteStore(redis, teams);
            Announcements announcements = new Announcements(redis);
            SiteKeys keys = new SiteKeys(redis, announcements);
            Onboarding onboarding = new Onboarding(teams, sites, keys);
            new EarlierRelease(redis, users, onboarding).upgrade();
            return new Parts(users, new Passwords(config.bcryptCost()),
                    new LoginThrottle(redis, config.loginMaxFailures(), config.loginMaxFailuresPerAddress(),
                            config.loginFailureWindow(), budget),
                    new RegistrationThrottle(redis, config.registrationsPerAddress(), config.registrationWindow(),
                            budget),
                    key,
                    new Sessions(redis, new AccessTokens(key, config.accessTokenTtl()), config.refreshTokenTtl()),
                    teams, sites, keys, new Shares(redis, announcements), announcements, onboarding,
                    new Invitations(redis));
        }

        UserRoutes userRoutes() {
            return new UserRoutes(users, passwords, throttle, registrationThrottle, sessions, onboarding);
        }

        TokenRoutes tokenRoutes(Redis redis) {
            return new TokenRoutes(redis, signingKey, sessions);
        }

        TeamRoutes teamRoutes() {
            return new TeamRoutes(teams, invitations, users, announcements);
        }

        SiteRoutes siteRoutes() {
            return new SiteRoutes(sites, teams, keys, shares, announcements);
        }

        SiteAccessRoutes siteAccessRoutes() {
            return new SiteAccessRoutes(sites, keys, shares, passwords);
        }
    }
}
