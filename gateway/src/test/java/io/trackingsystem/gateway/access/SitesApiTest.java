package io.trackingsystem.gateway.access;

import com.fasterxml.jackson.databind.JsonNode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.trackingsystem.gateway.testing.AnalyticsSystem;
import io.trackingsystem.gateway.testing.AnalyticsSystem.Account;
import io.trackingsystem.gateway.testing.Response;
import io.trackingsystem.routes.contract.AccessKeys;
import io.trackingsystem.routes.testing.RedisFixture;
import io.trackingsystem.users.Limits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Teams, sites, keys, shares and invitations through the gateway, with every service running on a real Redis. */
class SitesApiTest {

    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/124.0 Safari/537.36";
    private static final String RANGE = "from=" + LocalDate.now(ZoneOffset.UTC).minusDays(1) + "&to="
            + LocalDate.now(ZoneOffset.UTC);
    private static final Duration WITHIN_SECONDS = Duration.ofSeconds(5);

    private static AnalyticsSystem system;

    @BeforeAll
    static void start() throws Exception {
        system = AnalyticsSystem.start(Map.of());
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void registrationStartsWithAPersonalTeamOneSiteAndOneWriteKeyShownOnce() {
        Account ada = system.register();

        JsonNode teams = call("GET", "/api/teams", null, ada).json().path("teams");
        assertThat(teams).hasSize(1);
        assertThat(teams.get(0).path("role").asText()).isEqualTo("owner");
        JsonNode sites = call("GET", "/api/sites", null, ada).json().path("sites");
        assertThat(sites).hasSize(1);
        assertThat(sites.get(0).path("id").asText()).isEqualTo(ada.siteId());
        Response keys = call("GET", "/api/sites/" + ada.siteId() + "/keys", null, ada);
        assertThat(keys.json().path("keys")).hasSize(1);
        assertThat(keys.json().path("keys").get(0).path("prefix").asText()).isEqualTo(ada.apiKey().substring(0, 8));
        assertThat(keys.body()).doesNotContain(ada.apiKey());
    }

    @Test
    void aSecondSiteCountsOnlyItsOwnEventsAndTheFirstSiteStaysTheDefault() {
        Account ada = system.register();
        Response created = call("POST", "/api/sites", Map.of("name", "Docs", "domain", "Docs.Example.com",
                "timezone", "Europe/Berlin"), ada);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String docs = created.json().path("id").asText();
        assertThat(created.json().path("domain").asText()).isEqualTo("docs.example.com");
        String docsKey = created.json().path("writeKey").path("secret").asText();

        ingest(docsKey, "docs-view");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(events(ada, "&site=" + docs))
                .isEqualTo(1));
        assertThat(events(ada, "")).isZero();
        assertThat(events(ada, "&site=" + ada.siteId())).isZero();
    }

    @Test
    void aStatsKeyReadsItsSiteOnlyAndAWriteKeyReadsNothing() {
        Account ada = system.register();
        Account bob = system.register();
        String statsKey = createKey(ada, "stats").path("secret").asText();
        assertThat(statsKey).startsWith("tsr_");

        assertThat(withBearer("/api/stats/overview?" + RANGE, statsKey).status()).isEqualTo(200);
        assertThat(withBearer("/api/stats/overview?site=" + ada.siteId(), statsKey).status()).isEqualTo(200);
        assertThat(withBearer("/api/stats/overview?site=" + bob.siteId(), statsKey).isProblem(403)).isTrue();
        assertThat(withBearer("/api/stats/overview", ada.apiKey()).isProblem(403)).isTrue();
        assertThat(ingestStatus(statsKey)).isEqualTo(401);
    }

    @Test
    void aDeletedKeyIsRefusedWithinSecondsAndKeysShowWhenTheyWereLastUsed() {
        Account ada = system.register();
        JsonNode key = createKey(ada, "stats");
        assertThat(withBearer("/api/stats/overview", key.path("secret").asText()).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(keyNamed(ada, key.path("id").asText())
                .path("lastUsedAt").isTextual()).isTrue());

        Response deleted = call("DELETE", "/api/sites/" + ada.siteId() + "/keys/" + key.path("id").asText(), null,
                ada);

        assertThat(deleted.status()).isEqualTo(204);
        await().atMost(WITHIN_SECONDS).untilAsserted(() -> assertThat(
                withBearer("/api/stats/overview", key.path("secret").asText()).isProblem(401)).isTrue());
    }

    @Test
    void aShareOpensOneSiteReadOnlyUntilRevokedOrExpired() {
        Account ada = system.register();
        Account bob = system.register();
        JsonNode share = createShare(ada, Map.of());
        String token = share.path("token").asText();
        assertThat(share.path("url").asText()).isEqualTo("/share/" + token);

        assertThat(anonymous("/api/share/" + token + "/stats/overview?" + RANGE).status()).isEqualTo(200);
        assertThat(anonymous("/api/share/" + token).json().path("name").asText()).isEqualTo("My site");
        assertThat(anonymous("/api/share/" + token + "/stats/breakdown?dimension=page&site=" + bob.siteId())
                .status()).isEqualTo(200);
        assertThat(anonymous("/api/share/" + token + "/events").status()).isEqualTo(404);
        assertThat(anonymous("/api/share/" + "x".repeat(43) + "/stats/overview").isProblem(404)).isTrue();

        call("DELETE", "/api/sites/" + ada.siteId() + "/shares/" + share.path("id").asText(), null, ada);
        await().atMost(WITHIN_SECONDS).untilAsserted(() -> assertThat(
                anonymous("/api/share/" + token + "/stats/overview").isProblem(404)).isTrue());

        String expiring = createShare(ada, Map.of("expiresAt", "2099-01-01T00:00:00Z")).path("token").asText();
        assertThat(anonymous("/api/share/" + expiring + "/stats/overview").status()).isEqualTo(200);
        redis(redis -> redis.hset(AccessKeys.share(AccessKeys.digest(expiring)), AccessKeys.SHARE_EXPIRES_AT,
                Long.toString(System.currentTimeMillis() - 1)));
        await().atMost(WITHIN_SECONDS).untilAsserted(() -> assertThat(
                anonymous("/api/share/" + expiring + "/stats/overview").isProblem(404)).isTrue());
    }

    @Test
    void aPasswordProtectedShareNeedsItsPasswordAndLimitsWrongGuesses() {
        Account ada = system.register();
        String token = createShare(ada, Map.of("password", "open sesame")).path("token").asText();
        String path = "/api/share/" + token + "/stats/overview";

        Response without = anonymous(path);
        assertThat(without.isProblem(401)).isTrue();
        assertThat(without.json().path("passwordRequired").asBoolean()).isTrue();
        assertThat(withPassword(path, "open sesame").status()).isEqualTo(200);
        assertThat(withPassword(path, "wrong").isProblem(401)).isTrue();
        for (int i = 1; i < ShareAccess.WRONG_PASSWORDS_PER_MINUTE; i++) {
            withPassword(path, "wrong " + i);
        }
        Response limited = withPassword(path, "wrong again");
        assertThat(limited.isProblem(429)).as(limited.body()).isTrue();
        assertThat(limited.header("Retry-After")).isNotNull();
    }

    @Test
    void anInvitedViewerReadsStatsButManagesNothing() {
        Account ada = system.register();
        String email = "viewer-" + UUID.randomUUID() + "@example.com";
        JsonNode invitation = invite(ada, email, "viewer");
        Account viewer = system.register(email);

        Response accepted = call("POST", "/api/invitations/" + invitation.path("token").asText() + "/accept", null,
                viewer);

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().path("role").asText()).isEqualTo("viewer");
        assertThat(call("GET", "/api/stats/overview?site=" + ada.siteId(), null, viewer).status()).isEqualTo(200);
        assertThat(call("GET", "/api/sites/" + ada.siteId() + "/keys", null, viewer).isProblem(403)).isTrue();
        assertThat(call("PATCH", "/api/sites/" + ada.siteId(), Map.of("name", "Mine"), viewer).isProblem(403))
                .isTrue();
        assertThat(call("GET", "/api/teams/" + ada.teamId() + "/members", null, viewer).isProblem(403)).isTrue();
        assertThat(call("POST", "/api/invitations/" + invitation.path("token").asText() + "/accept", null, viewer)
                .isProblem(404)).as("an invitation works once").isTrue();
    }

    @Test
    void anInvitationIsForItsEmailOnlyAndExpires() {
        Account ada = system.register();
        Account mallory = system.register();
        String email = "invited-" + UUID.randomUUID() + "@example.com";
        String token = invite(ada, email, "admin").path("token").asText();

        assertThat(call("POST", "/api/invitations/" + token + "/accept", null, mallory).isProblem(403)).isTrue();

        redis(redis -> redis.hset("invitations:{" + AccessKeys.digest(token) + "}", "expiresAt",
                Long.toString(System.currentTimeMillis() - 1)));
        Account invited = system.register(email);
        assertThat(call("POST", "/api/invitations/" + token + "/accept", null, invited).isProblem(404)).isTrue();
        assertThat(call("GET", "/api/stats/overview?site=" + ada.siteId(), null, invited).isProblem(404)).isTrue();
    }

    @Test
    void aRemovedMemberIsRefusedWithinSeconds() {
        Account ada = system.register();
        Account viewer = join(ada, "viewer");
        assertThat(call("GET", "/api/stats/overview?site=" + ada.siteId(), null, viewer).status()).isEqualTo(200);

        Response removed = call("DELETE", "/api/teams/" + ada.teamId() + "/members/" + viewer.id(), null, ada);

        assertThat(removed.status()).as(removed.body()).isEqualTo(204);
        await().atMost(WITHIN_SECONDS).untilAsserted(() -> assertThat(
                call("GET", "/api/stats/overview?site=" + ada.siteId(), null, viewer).isProblem(404)).isTrue());
        assertThat(call("GET", "/api/sites/" + ada.siteId(), null, viewer).isProblem(404)).isTrue();
    }

    @Test
    void onlyOwnersChangeOwnersAndATeamAlwaysKeepsOne() {
        Account ada = system.register();
        Account admin = join(ada, "admin");

        assertThat(call("PATCH", "/api/teams/" + ada.teamId() + "/members/" + ada.id(), Map.of("role", "viewer"),
                admin).isProblem(403)).isTrue();
        assertThat(call("PATCH", "/api/teams/" + ada.teamId() + "/members/" + admin.id(), Map.of("role", "owner"),
                admin).isProblem(403)).isTrue();
        assertThat(call("DELETE", "/api/teams/" + ada.teamId() + "/members/" + ada.id(), null, ada)
                .isProblem(409)).isTrue();
        assertThat(call("PATCH", "/api/teams/" + ada.teamId() + "/members/" + admin.id(), Map.of("role", "owner"),
                ada).status()).isEqualTo(200);
        assertThat(call("DELETE", "/api/teams/" + ada.teamId() + "/members/" + ada.id(), null, ada).status())
                .as("an owner may leave once another owner remains").isEqualTo(204);
    }

    @Test
    void deletingASiteNeedsItsNameAndStopsEveryReaderAtOnce() {
        Account ada = system.register();
        String statsKey = createKey(ada, "stats").path("secret").asText();
        String share = createShare(ada, Map.of()).path("token").asText();
        String site = "/api/sites/" + ada.siteId();

        assertThat(call("DELETE", site, Map.of("confirm", "Not my site"), ada).isProblem(400)).isTrue();
        Response deleted = call("DELETE", site, Map.of("confirm", "My site"), ada);

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(202);
        assertThat(deleted.json().path("state").asText()).isEqualTo("deleting");
        await().atMost(WITHIN_SECONDS).untilAsserted(() -> {
            assertThat(call("GET", "/api/stats/overview?site=" + ada.siteId(), null, ada).isProblem(404)).isTrue();
            assertThat(withBearer("/api/stats/overview", statsKey).isProblem(401)).isTrue();
            assertThat(anonymous("/api/share/" + share + "/stats/overview").isProblem(404)).isTrue();
            assertThat(ingestStatus(ada.apiKey())).isEqualTo(401);
        });
        assertThat(call("GET", site, null, ada).json().path("state").asText()).isEqualTo("deleting");
        assertThat(call("GET", "/api/sites", null, ada).json().path("sites")).isEmpty();
    }

    @Test
    void theTargetOfACallComesFromItsPathAlone() {
        Account ada = system.register();
        Account bob = system.register();

        Response created = system.send(HttpRequest.newBuilder(system.uri("/api/sites/" + ada.siteId() + "/keys"))
                .header("Authorization", "Bearer " + ada.accessToken()).header("Content-Type", "application/json")
                .header("X-Target-Site", bob.siteId())
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"stats\"}")));

        assertThat(created.status()).isEqualTo(201);
        assertThat(call("GET", "/api/sites/" + bob.siteId() + "/keys", null, bob).json().path("keys")).hasSize(1);
        assertThat(call("GET", "/api/sites/" + ada.siteId() + "/keys", null, ada).json().path("keys")).hasSize(2);
    }

    @Test
    void everyLimitAnswers409() {
        Account ada = system.register();
        String site = "/api/sites/" + ada.siteId();
        for (int i = 1; i < Limits.KEYS_PER_SITE; i++) {
            assertThat(createKey(ada, "stats").isObject()).isTrue();
        }
        assertThat(call("POST", site + "/keys", Map.of("kind", "write"), ada).isProblem(409)).isTrue();
        for (int i = 0; i < Limits.SHARES_PER_SITE; i++) {
            createShare(ada, Map.of());
        }
        assertThat(call("POST", site + "/shares", Map.of(), ada).isProblem(409)).isTrue();
        for (int i = 1; i < Limits.SITES_PER_TEAM; i++) {
            assertThat(call("POST", "/api/sites", Map.of("name", "Site " + i), ada).status()).isEqualTo(201);
        }
        assertThat(call("POST", "/api/sites", Map.of("name", "One too many"), ada).isProblem(409)).isTrue();
        for (int i = 1; i < Limits.TEAMS_PER_USER; i++) {
            assertThat(call("POST", "/api/teams", Map.of("name", "Team " + i), ada).status()).isEqualTo(201);
        }
        assertThat(call("POST", "/api/teams", Map.of("name", "One too many"), ada).isProblem(409)).isTrue();
        for (int i = 1; i < Limits.MEMBERS_PER_TEAM; i++) {
            invite(ada, "person-" + i + "@example.com", "viewer");
        }
        assertThat(call("POST", "/api/teams/" + ada.teamId() + "/invitations", Map.of("email", "last@example.com",
                "role", "viewer"), ada).isProblem(409)).isTrue();
    }

    @Test
    void badInputNamesItsField() {
        Account ada = system.register();

        Response site = call("POST", "/api/sites", Map.of("name", " ", "domain", "https://x.example/",
                "timezone", "Mars/Olympus"), ada);
        assertThat(site.isProblem(400)).isTrue();
        assertThat(site.json().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("name", "domain", "timezone");
        assertThat(call("POST", "/api/sites/" + ada.siteId() + "/keys", Map.of("kind", "admin"), ada)
                .isProblem(400)).isTrue();
        assertThat(call("POST", "/api/sites/" + ada.siteId() + "/shares", Map.of("expiresAt", "2001-01-01T00:00:00Z"),
                ada).isProblem(400)).isTrue();
        assertThat(call("POST", "/api/teams/" + ada.teamId() + "/invitations", Map.of("email", "nobody",
                "role", "king"), ada).json().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("email", "role");
        assertThat(call("GET", "/api/sites/no%20such%20site", null, ada).isProblem(404)).isTrue();
    }

    /** An account that accepted an invitation to {@code owner}'s team with {@code role}. */
    private static Account join(Account owner, String role) {
        String email = role + "-" + UUID.randomUUID() + "@example.com";
        String token = invite(owner, email, role).path("token").asText();
        Account member = system.register(email);
        assertThat(call("POST", "/api/invitations/" + token + "/accept", null, member).status()).isEqualTo(200);
        return member;
    }

    private static JsonNode invite(Account admin, String email, String role) {
        Response invited = call("POST", "/api/teams/" + admin.teamId() + "/invitations", Map.of("email", email,
                "role", role), admin);
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        return invited.json();
    }

    private static JsonNode createKey(Account admin, String kind) {
        Response created = call("POST", "/api/sites/" + admin.siteId() + "/keys", Map.of("kind", kind), admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private static JsonNode createShare(Account admin, Map<String, Object> body) {
        Response created = call("POST", "/api/sites/" + admin.siteId() + "/shares", body, admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private static JsonNode keyNamed(Account admin, String id) {
        for (JsonNode key : call("GET", "/api/sites/" + admin.siteId() + "/keys", null, admin).json().path("keys")) {
            if (key.path("id").asText().equals(id)) {
                return key;
            }
        }
        throw new AssertionError("no key " + id);
    }

    private static long events(Account reader, String site) {
        Response overview = call("GET", "/api/stats/overview?" + RANGE + site, null, reader);
        assertThat(overview.status()).as(overview.body()).isEqualTo(200);
        return overview.json().path("events").asLong();
    }

    private static void ingest(String writeKey, String name) {
        assertThat(system.send(HttpRequest.newBuilder(system.uri("/api/events")).header("X-API-Key", writeKey)
                .header("Content-Type", "application/json").header("User-Agent", BROWSER)
                .POST(HttpRequest.BodyPublishers.ofString("{\"eventName\":\"" + name + "\",\"anonymousId\":\"a\"}")))
                .status()).isEqualTo(202);
    }

    private static int ingestStatus(String key) {
        return system.send(HttpRequest.newBuilder(system.uri("/api/events")).header("X-API-Key", key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"eventName\":\"x\"}"))).status();
    }

    private static Response call(String method, String path, Object body, Account account) {
        return system.call(method, path, body, account == null ? null : account.accessToken());
    }

    private static Response withBearer(String path, String credential) {
        return system.get(path, credential);
    }

    private static Response anonymous(String path) {
        return system.get(path, null);
    }

    private static Response withPassword(String path, String password) {
        return system.send(HttpRequest.newBuilder(system.uri(path)).header(ShareAccess.PASSWORD_HEADER, password)
                .GET());
    }

    private static void redis(Consumer<RedisCommands<String, String>> commands) {
        RedisClient client = RedisClient.create(RedisFixture.url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            commands.accept(connection.sync());
        } finally {
            client.shutdown();
        }
    }
}
