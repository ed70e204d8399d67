package io.trackingsystem.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.trackingsystem.reliability.Api.Account;
import io.trackingsystem.reliability.Api.Response;
import io.trackingsystem.routes.contract.AccessKeys;
import io.trackingsystem.routes.testing.RedisFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every kind of principal against every endpoint of every site and team it was not given. Team A has two sites
 * and an owner, an admin, a viewer and a removed member; team B has one site and its owner. Each site holds an
 * event with a marker of its own. Every cell that should be refused must answer 401, 403 or 404 without the
 * target's marker, and afterwards nothing of the targets has changed. The rightful owner's same calls succeed,
 * so the refusals are the principals', not broken endpoints'.
 */
class SiteIsolationMatrixTest {

    private static final Set<Integer> REFUSED = Set.of(401, 403, 404);

    private static Product product;
    private static Api api;
    private static Account olivia;
    private static Account bella;
    private static Account adam;
    private static Account vera;
    private static Account rex;
    private static Account ivy;
    private static Target siteA1;
    private static Target siteA2;
    private static Target siteB1;
    private static final Map<String, String> CREDENTIALS = new LinkedHashMap<>();
    private static String liveShareOfA1;
    private static final Map<String, String> WRITE_KEYS = new LinkedHashMap<>();

    /** A site and its team, with ids of one of each thing an endpoint may name. */
    private record Target(String site, String team, String keyId, String shareId, String invitationId,
                          String memberId, String marker, String siteName) {
    }

    @BeforeAll
    static void start() {
        product = Product.allInProcess();
        api = product.api;

        olivia = api.register();
        bella = api.register();
        adam = joined(olivia, "admin");
        vera = joined(olivia, "viewer");
        rex = joined(olivia, "viewer");
        ok(call("DELETE", "/api/teams/" + olivia.teamId() + "/members/" + rex.id(), null, olivia.accessToken()));

        JsonNode docs = ok(call("POST", "/api/sites", Map.of("name", "Docs"), olivia.accessToken()));
        siteA1 = target(olivia, olivia.siteId(), olivia.apiKey(), "My site", adam.id());
        siteA2 = target(olivia, docs.path("id").asText(), docs.path("writeKey").path("secret").asText(), "Docs",
                adam.id());
        siteB1 = target(bella, bella.siteId(), bella.apiKey(), "My site", bella.id());

        CREDENTIALS.put("owner of A", olivia.accessToken());
        CREDENTIALS.put("admin of A", adam.accessToken());
        CREDENTIALS.put("viewer of A", vera.accessToken());
        CREDENTIALS.put("removed member of A", rex.accessToken());
        CREDENTIALS.put("owner of B", bella.accessToken());
        CREDENTIALS.put("stats key of A1", createdKey(olivia, siteA1.site(), "stats"));
        CREDENTIALS.put("stats key of B1", createdKey(bella, siteB1.site(), "stats"));
        CREDENTIALS.put("write key of A1", olivia.apiKey());

        liveShareOfA1 = ok(call("POST", "/api/sites/" + siteA1.site() + "/shares", Map.of(),
                olivia.accessToken())).path("token").asText();
        JsonNode revokedShare = ok(call("POST", "/api/sites/" + siteA1.site() + "/shares", Map.of(),
                olivia.accessToken()));
        String revoked = revokedShare.path("token").asText();
        assertThat(call("DELETE", "/api/sites/" + siteA1.site() + "/shares/" + revokedShare.path("id").asText(), null,
                olivia.accessToken()).status()).isEqualTo(204);
        String expired = ok(call("POST", "/api/sites/" + siteA1.site() + "/shares", Map.of(),
                olivia.accessToken())).path("token").asText();
        hset(AccessKeys.share(AccessKeys.digest(expired)), AccessKeys.SHARE_EXPIRES_AT,
                Long.toString(System.currentTimeMillis() - 1_000));
        CREDENTIALS.put("share of A1", liveShareOfA1);
        CREDENTIALS.put("revoked share of A1", revoked);
        CREDENTIALS.put("expired share of A1", expired);

        String ivyEmail = "ivy-" + UUID.randomUUID() + "@example.com";
        String invitation = ok(call("POST", "/api/teams/" + olivia.teamId() + "/invitations",
                Map.of("email", ivyEmail, "role", "admin"), olivia.accessToken())).path("token").asText();
        hset("invitations:{" + AccessKeys.digest(invitation) + "}", "expiresAt",
                Long.toString(System.currentTimeMillis() - 1_000));
        ivy = api.register();
        Account invitedIvy = registerAs(ivyEmail);
        assertThat(call("POST", "/api/invitations/" + invitation + "/accept", null, invitedIvy.accessToken())
                .status()).as("an expired invitation").isEqualTo(404);
        CREDENTIALS.put("holder of an expired invitation to A", invitedIvy.accessToken());
        CREDENTIALS.put("user of a third team", ivy.accessToken());

        for (Target target : List.of(siteA1, siteA2, siteB1)) {
            String event = Api.json(Map.of("eventName", "pageview", "page", "/" + target.marker(),
                    "anonymousId", target.marker() + "-visitor"));
            assertThat(api.ingest(writeKeyOf(target), List.of(event)).status()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of(siteA1, siteA2, siteB1).stream().allMatch(
                target -> call("GET", "/api/events?site=" + target.site(), null, ownerOf(target).accessToken())
                        .body().contains(target.marker())));
    }

    @AfterAll
    static void stop() {
        product.close();
    }

    @Test
    void everyPrincipalIsRefusedByEverySiteAndTeamItWasNotGiven() {
        Map<String, List<Target>> notGiven = new LinkedHashMap<>();
        notGiven.put("owner of A", List.of(siteB1));
        notGiven.put("admin of A", List.of(siteB1));
        notGiven.put("viewer of A", List.of(siteB1));
        notGiven.put("removed member of A", List.of(siteA1, siteA2, siteB1));
        notGiven.put("owner of B", List.of(siteA1, siteA2));
        notGiven.put("stats key of A1", List.of(siteA2, siteB1));
        notGiven.put("stats key of B1", List.of(siteA1, siteA2));
        notGiven.put("write key of A1", List.of(siteA1, siteA2, siteB1));
        notGiven.put("share of A1", List.of(siteA2, siteB1));
        notGiven.put("revoked share of A1", List.of(siteA1, siteA2, siteB1));
        notGiven.put("expired share of A1", List.of(siteA1, siteA2, siteB1));
        notGiven.put("holder of an expired invitation to A", List.of(siteA1, siteA2, siteB1));
        notGiven.put("user of a third team", List.of(siteA1, siteA2, siteB1));

        List<String> cells = new ArrayList<>();
        notGiven.forEach((principal, targets) -> {
            String credential = CREDENTIALS.get(principal);
            for (Target target : targets) {
                for (Cell cell : cellsOf(target)) {
                    Response answer = cell.send(credential);
                    assertRefused(principal, target, cell, answer);
                    cells.add(principal + " → " + cell.describe());
                }
                for (Cell cell : shareCells(credential, target)) {
                    Response answer = cell.send(null);
                    if (credential.equals(liveShareOfA1)) {
                        // a live share answers for its own site whatever site is named, and never for another
                        assertThat(answer.status()).as(cell.describe()).isIn(200, 401, 403, 404);
                        assertThat(withoutEcho(answer.body(), target)).as(cell.describe())
                                .doesNotContain(target.marker());
                        if (answer.status() == 200 && cell.path().contains("/funnel")) {
                            assertThat(answer.json().path("steps").findValuesAsText("visitors")).containsOnly("0");
                        }
                    } else {
                        assertRefused(principal, target, cell, answer);
                    }
                    cells.add(principal + " → " + cell.describe());
                }
            }
        });

        System.out.println("isolation matrix: " + cells.size() + " refused cells");
        assertThat(cells).hasSizeGreaterThan(600);
        targetsAreUnchanged();
    }

    @Test
    void aViewerIsRefusedEveryManagementCallOfItsOwnTeam() {
        Set<String> viewersMayRead = Set.of("/api/sites/" + siteA1.site(), "/api/sites?team=" + siteA1.team(),
                "/api/teams/" + siteA1.team());
        for (Cell cell : managementCells(siteA1)) {
            if (cell.method().equals("GET") && viewersMayRead.contains(cell.path())) {
                assertThat(cell.send(vera.accessToken()).status()).isEqualTo(200);
                continue;
            }
            assertRefused("viewer of A", siteA1, cell, cell.send(vera.accessToken()));
        }
        targetsAreUnchanged();
    }

    @Test
    void theRightfulReadersOfEachSiteAreAnswered() {
        for (Target target : List.of(siteA1, siteA2, siteB1)) {
            for (Cell cell : readCells(target)) {
                Response answer = cell.send(ownerOf(target).accessToken());
                assertThat(answer.status()).as(cell.describe() + " " + answer.body()).isEqualTo(200);
            }
        }
        Response viewer = call("GET", "/api/events?site=" + siteA2.site(), null, vera.accessToken());
        assertThat(viewer.body()).contains(siteA2.marker());
        Response statsKey = call("GET", "/api/events", null, CREDENTIALS.get("stats key of A1"));
        assertThat(statsKey.body()).contains(siteA1.marker()).doesNotContain(siteA2.marker());
        Response shared = call("GET", "/api/share/" + liveShareOfA1 + "/stats/breakdown?dimension=page&site="
                + siteB1.site(), null, null);
        assertThat(shared.body()).contains(siteA1.marker()).doesNotContain(siteB1.marker());
    }

    private static void assertRefused(String principal, Target target, Cell cell, Response answer) {
        assertThat(answer.status()).as(principal + " → " + cell.describe() + ": " + answer.body()).isIn(REFUSED);
        assertThat(withoutEcho(answer.body(), target)).as(principal + " → " + cell.describe())
                .doesNotContain(target.marker());
    }

    /** The answer without the funnel step the request itself named, which a funnel repeats. */
    private static String withoutEcho(String body, Target target) {
        return body.replace("pageview:/" + target.marker(), "");
    }

    /** Everything a target site and its team answer, as a principal without access tries it. */
    private static List<Cell> cellsOf(Target target) {
        List<Cell> cells = new ArrayList<>(readCells(target));
        cells.addAll(managementCells(target));
        return cells;
    }

    private static List<Cell> readCells(Target target) {
        String site = "site=" + target.site() + "&" + Api.RECENT;
        List<Cell> cells = new ArrayList<>();
        for (String read : List.of("/api/stats/overview", "/api/stats/timeseries", "/api/stats/realtime",
                "/api/stats/retention", "/api/stats/breakdown?dimension=page",
                "/api/stats/funnel?step=pageview:/" + target.marker() + "&step=event:x", "/api/events",
                "/api/export?dataset=events", "/api/export?dataset=pages")) {
            cells.add(new Cell("GET", read + (read.contains("?") ? "&" : "?") + site, null));
        }
        cells.add(new Cell("LIVE", "/api/live?" + site, null));
        return cells;
    }

    private static List<Cell> managementCells(Target target) {
        String site = "/api/sites/" + target.site();
        String team = "/api/teams/" + target.team();
        return List.of(
                new Cell("GET", site, null),
                new Cell("PATCH", site, Map.of("name", "taken over")),
                new Cell("DELETE", site, Map.of("confirm", target.siteName())),
                new Cell("GET", site + "/keys", null),
                new Cell("POST", site + "/keys", Map.of("kind", "stats")),
                new Cell("DELETE", site + "/keys/" + target.keyId(), null),
                new Cell("GET", site + "/shares", null),
                new Cell("POST", site + "/shares", Map.of()),
                new Cell("DELETE", site + "/shares/" + target.shareId(), null),
                new Cell("GET", "/api/sites?team=" + target.team(), null),
                new Cell("POST", "/api/sites?team=" + target.team(), Map.of("name", "planted")),
                new Cell("GET", team, null),
                new Cell("PATCH", team, Map.of("name", "taken over")),
                new Cell("DELETE", team, null),
                new Cell("GET", team + "/members", null),
                new Cell("PATCH", team + "/members/" + target.memberId(), Map.of("role", "viewer")),
                new Cell("DELETE", team + "/members/" + target.memberId(), null),
                new Cell("GET", team + "/invitations", null),
                new Cell("POST", team + "/invitations", Map.of("email", "intruder@example.com", "role", "owner")),
                new Cell("DELETE", team + "/invitations/" + target.invitationId(), null));
    }

    /** The credential used as a share token, on every share read with the target site named. */
    private static List<Cell> shareCells(String credential, Target target) {
        List<Cell> cells = new ArrayList<>();
        for (String read : List.of("/stats/overview", "/stats/breakdown?dimension=page", "/stats/realtime",
                "/stats/timeseries", "/stats/funnel?step=pageview:/" + target.marker() + "&step=event:x",
                "/stats/retention", "", "/events", "/export?dataset=events")) {
            String path = "/api/share/" + credential + read + (read.contains("?") ? "&" : "?") + "site="
                    + target.site();
            cells.add(new Cell("GET", path, null));
        }
        return cells;
    }

    /** One endpoint with its method and body; {@code LIVE} opens the event stream and reads its head only. */
    private record Cell(String method, String path, Object body) {

        Response send(String credential) {
            if (method.equals("LIVE")) {
                HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path)).GET();
                if (credential != null) {
                    request.header("Authorization", "Bearer " + credential);
                }
                return api.sendForHead(request);
            }
            return call(method, path, body, credential);
        }

        String describe() {
            return method + " " + path;
        }
    }

    private void targetsAreUnchanged() {
        for (Target target : List.of(siteA1, siteA2, siteB1)) {
            Account owner = ownerOf(target);
            JsonNode site = ok(call("GET", "/api/sites/" + target.site(), null, owner.accessToken()));
            assertThat(site.path("name").asText()).isEqualTo(target.siteName());
            assertThat(site.path("state").asText()).isEqualTo("active");
            assertThat(ok(call("GET", "/api/sites/" + target.site() + "/keys", null, owner.accessToken()))
                    .path("keys").findValuesAsText("id")).contains(target.keyId());
            assertThat(ok(call("GET", "/api/sites/" + target.site() + "/shares", null, owner.accessToken()))
                    .path("shares").findValuesAsText("id")).contains(target.shareId());
            JsonNode members = ok(call("GET", "/api/teams/" + target.team() + "/members", null,
                    owner.accessToken())).path("members");
            assertThat(members.findValuesAsText("userId")).contains(target.memberId());
            assertThat(members.findValuesAsText("role")).doesNotContainNull();
            assertThat(ok(call("GET", "/api/teams/" + target.team() + "/invitations", null, owner.accessToken()))
                    .path("invitations").findValuesAsText("email")).doesNotContain("intruder@example.com");
            assertThat(ok(call("GET", "/api/teams/" + target.team(), null, owner.accessToken())).path("name")
                    .asText()).isNotEqualTo("taken over");
            assertThat(ok(call("GET", "/api/sites?team=" + target.team(), null, owner.accessToken())).path("sites")
                    .findValuesAsText("name")).doesNotContain("planted", "taken over");
        }
        assertThat(call("GET", "/api/sites/" + siteA1.site(), null, adam.accessToken()).status())
                .as("the admin is still a member").isEqualTo(200);
    }

    private static Account ownerOf(Target target) {
        return target == siteB1 ? bella : olivia;
    }

    private static String writeKeyOf(Target target) {
        return WRITE_KEYS.get(target.site());
    }

    private static Target target(Account owner, String site, String writeKey, String name, String memberId) {
        WRITE_KEYS.put(site, writeKey);
        String token = owner.accessToken();
        String keyId = ok(call("GET", "/api/sites/" + site + "/keys", null, token)).path("keys").get(0)
                .path("id").asText();
        String shareId = ok(call("POST", "/api/sites/" + site + "/shares", Map.of(), token)).path("id").asText();
        String invitationId = ok(call("POST", "/api/teams/" + owner.teamId() + "/invitations",
                Map.of("email", "pending-" + UUID.randomUUID() + "@example.com", "role", "viewer"), token))
                .path("id").asText();
        return new Target(site, owner.teamId(), keyId, shareId, invitationId, memberId,
                "marker" + UUID.randomUUID().toString().replace("-", ""), name);
    }

    private static String createdKey(Account owner, String site, String kind) {
        return ok(call("POST", "/api/sites/" + site + "/keys", Map.of("kind", kind), owner.accessToken()))
                .path("secret").asText();
    }

    private static Account joined(Account owner, String role) {
        String email = role + "-" + UUID.randomUUID() + "@example.com";
        String token = ok(call("POST", "/api/teams/" + owner.teamId() + "/invitations",
                Map.of("email", email, "role", role), owner.accessToken())).path("token").asText();
        Account member = registerAs(email);
        ok(call("POST", "/api/invitations/" + token + "/accept", null, member.accessToken()));
        return member;
    }

    private static Account registerAs(String email) {
        JsonNode body = ok(api.post("/api/auth/register", Api.json(Map.of("name", "Member", "email", email,
                "password", Api.PASSWORD)), Map.of()));
        return new Account(body.path("user").path("id").asText(), email, body.path("user").path("apiKey").asText(),
                body.path("accessToken").asText(), body.path("refreshToken").asText(),
                body.path("site").path("id").asText(), body.path("team").path("id").asText());
    }

    private static Response call(String method, String path, Object body, String credential) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path));
        if (credential != null) {
            request.header("Authorization", "Bearer " + credential);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(Api.json(body)));
        }
        return api.send(request);
    }

    private static JsonNode ok(Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 299);
        return response.json();
    }

    /** Changes a record behind the services' backs, as time passing would. */
    private static void hset(String key, String field, String value) {
        RedisClient client = RedisClient.create(RedisFixture.url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().hset(key, field, value);
        } finally {
            client.shutdown();
        }
    }
}
