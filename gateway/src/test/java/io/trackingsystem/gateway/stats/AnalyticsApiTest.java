package io.trackingsystem.gateway.stats;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackingsystem.gateway.testing.AnalyticsSystem;
import io.trackingsystem.gateway.testing.AnalyticsSystem.Account;
import io.trackingsystem.gateway.testing.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The analytics API over HTTP: the gateway authenticates, forwards the query string and relays the
 * tracking-service's answer. Two accounts, each seeing only its own events.
 */
class AnalyticsApiTest {

    static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0";
    static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/124.0.0.0 Safari/537.36";
    private static final LocalDate DAY = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    private static final String RANGE = "from=" + DAY + "&to=" + DAY;

    private static AnalyticsSystem system;
    private static Account alice;
    private static Account bob;

    @BeforeAll
    static void start() throws Exception {
        system = AnalyticsSystem.start(Map.of());
        alice = system.register();
        bob = system.register();
        system.ingest(alice, FIREFOX, List.of(
                pageview("v1", "/", "10:00"), pageview("v1", "/pricing", "10:01")));
        system.ingest(alice, CHROME, List.of(
                pageview("v2", "/pricing", "11:00"),
                Map.of("eventName", "signup", "anonymousId", "v2", "eventTime", at("11:01"),
                        "context", Map.of("plan", "pro"))));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                system.get("/api/stats/overview?" + RANGE, alice.accessToken()).json().path("events").asLong() == 4);
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void overviewAnswersTheAccountsFiguresAsJson() {
        Response response = system.get("/api/stats/overview?" + RANGE, alice.accessToken());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        JsonNode overview = response.json();
        assertThat(List.of(overview.path("visitors").asLong(), overview.path("pageviews").asLong(),
                overview.path("sessions").asLong(), overview.path("events").asLong())).containsExactly(2L, 3L, 2L, 4L);
        assertThat(overview.path("bounceRate").asDouble()).isZero();
        assertThat(overview.path("previous").path("events").asLong()).isZero();
    }

    @Test
    void repeatedFiltersAllReachTheQuery() {
        JsonNode both = system.get("/api/stats/overview?" + RANGE + "&filter=page:/pricing&filter=browser:Firefox",
                alice.accessToken()).json();
        JsonNode encoded = system.get("/api/stats/overview?" + RANGE + "&filter=page%3A%2Fpricing",
                alice.accessToken()).json();

        assertThat(both.path("events").asLong()).isEqualTo(1);
        assertThat(both.path("visitors").asLong()).isEqualTo(1);
        assertThat(encoded.path("events").asLong()).isEqualTo(2);
    }

    @Test
    void everyQueryAnswersOverHttp() {
        JsonNode series = system.get("/api/stats/timeseries?" + RANGE + "&interval=day", alice.accessToken()).json();
        JsonNode browsers = system.get("/api/stats/breakdown?" + RANGE + "&dimension=browser", alice.accessToken())
                .json();
        JsonNode funnel = system.get("/api/stats/funnel?" + RANGE + "&step=pageview:/&step=pageview:/pricing",
                alice.accessToken()).json();
        JsonNode retention = system.get("/api/stats/retention?" + RANGE, alice.accessToken()).json();
        JsonNode realtime = system.get("/api/stats/realtime", alice.accessToken()).json();
        JsonNode events = system.get("/api/events?" + RANGE + "&limit=3", alice.accessToken()).json();

        assertThat(series.path("points")).hasSize(1);
        assertThat(series.path("points").get(0).path("pageviews").asLong()).isEqualTo(3);
        assertThat(browsers.path("rows")).extracting(row -> row.path("value").asText() + " "
                + row.path("events").asLong()).containsExactly("Firefox 2", "Chrome 2");
        assertThat(funnel.path("steps")).extracting(step -> step.path("visitors").asLong()).containsExactly(1L, 1L);
        assertThat(retention.path("cohorts").get(0).path("size").asLong()).isEqualTo(2);
        assertThat(realtime.path("pageviewsPerMinute")).hasSize(30);
        assertThat(events.path("events")).extracting(e -> e.path("eventName").asText())
                .containsExactly("signup", "pageview", "pageview");
        assertThat(events.path("nextCursor").isTextual()).isTrue();
    }

    @Test
    void anotherAccountsTokenNeverSeesTheseEvents() {
        JsonNode overview = system.get("/api/stats/overview?" + RANGE, bob.accessToken()).json();
        JsonNode events = system.get("/api/events?" + RANGE, bob.accessToken()).json();
        JsonNode pages = system.get("/api/stats/breakdown?" + RANGE + "&dimension=page", bob.accessToken()).json();
        Response export = system.get("/api/export?" + RANGE + "&format=csv&dataset=events", bob.accessToken());

        assertThat(overview.path("events").asLong()).isZero();
        assertThat(overview.path("visitors").asLong()).isZero();
        assertThat(events.path("events")).isEmpty();
        assertThat(pages.path("rows")).isEmpty();
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body().split("\r\n")).hasSize(1);
    }

    @Test
    void aPrincipalSentByTheClientIsIgnored() {
        Response spoofed = system.send(java.net.http.HttpRequest.newBuilder(
                        system.uri("/api/stats/overview?" + RANGE + "&principal=" + alice.id()))
                .header("Authorization", "Bearer " + bob.accessToken()).header("principal", alice.id()).GET());

        assertThat(spoofed.json().path("events").asLong()).isZero();
    }

    @Test
    void everyEndpointNeedsAnAccessToken() {
        for (String path : List.of("/api/stats/overview", "/api/stats/timeseries", "/api/stats/breakdown?dimension=page",
                "/api/stats/realtime", "/api/stats/funnel", "/api/stats/retention", "/api/events",
                "/api/export?dataset=pages", "/api/live")) {
            assertThat(system.get(path, null).isProblem(401)).as(path).isTrue();
            assertThat(system.get(path, "not-a-token").isProblem(401)).as(path).isTrue();
        }
        assertThat(system.get("/api/stats/overview?access_token=" + alice.accessToken(), null).isProblem(401))
                .as("a token in the query string counts on /api/live only").isTrue();
    }

    @Test
    void badParametersAnswer400NamingTheParameter() {
        assertInvalid("/api/stats/breakdown?" + RANGE + "&dimension=colour", "dimension");
        assertInvalid("/api/stats/overview?from=2024-05-10&to=2024-05-01", "from");
        assertInvalid("/api/stats/overview?from=2021-01-01&to=2024-01-01", "to");
        assertInvalid("/api/stats/overview?tz=Nowhere/Special", "tz");
        assertInvalid("/api/stats/overview?filter=colour:red", "filter");
        assertInvalid("/api/export?dataset=secrets", "dataset");
    }

    @Test
    void exportsABreakdownAsACsvAttachment() {
        Response response = system.get("/api/export?" + RANGE + "&format=csv&dataset=pages", alice.accessToken());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("text/csv; charset=utf-8");
        assertThat(response.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"pages-" + DAY + "-" + DAY + ".csv\"");
        assertThat(response.body()).isEqualTo("value,visitors,pageviews,events\r\n/pricing,2,2,2\r\n/,1,1,1\r\n");
    }

    @Test
    void exportsRawEventsInAsManyPiecesAsNeeded() {
        Account carol = system.register();
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 5_050; i++) {
            many.add(Map.of("eventName", "tick", "anonymousId", "v" + (i % 40), "eventTime",
                    DAY.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + i * 1000L));
        }
        system.ingest(carol, CHROME, many);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                system.get("/api/stats/overview?" + RANGE, carol.accessToken()).json().path("events").asLong() == 5_050);

        Response export = system.get("/api/export?" + RANGE + "&dataset=events", carol.accessToken());

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Transfer-Encoding")).isEqualTo("chunked");
        String[] lines = export.body().split("\r\n");
        assertThat(lines).hasSize(5_051);
        assertThat(lines[0]).startsWith("id,timestamp,eventName");
        assertThat(java.util.Arrays.stream(lines).skip(1)).allMatch(line -> line.contains(",tick,"));
    }

    private static void assertInvalid(String path, String parameter) {
        Response response = system.get(path, alice.accessToken());
        assertThat(response.isProblem(400)).as(path + ": " + response.body()).isTrue();
        assertThat(response.json().path("errors").get(0).path("field").asText()).as(path).isEqualTo(parameter);
    }

    static Map<String, Object> pageview(String visitor, String path, String time) {
        return Map.of("eventName", "pageview", "anonymousId", visitor, "page", "https://shop.example" + path,
                "eventTime", at(time));
    }

    static long at(String time) {
        return DAY.atTime(java.time.LocalTime.parse(time)).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
