package io.trackingsystem.tracking.stats;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad parameters answer 400 problem+json naming the parameter, over the real messaging layer. */
class ParameterValidationTest {

    private static StatsHarness harness;

    @BeforeAll
    static void start() throws Exception {
        harness = StatsHarness.start();
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void rejectsAnUnknownBreakdownDimension() {
        assertRejected("breakdown", "dimension=colour", "dimension");
    }

    @Test
    void rejectsFromAfterTo() {
        assertRejected("overview", "from=2024-05-10&to=2024-05-01", "from");
    }

    @Test
    void rejectsARangeOverTwoYears() {
        assertRejected("overview", "from=2022-01-01&to=2024-01-02", "to");
        assertThat(harness.ask("overview", "acc", "from=2022-01-01&to=2023-12-31").status()).isEqualTo(200);
    }

    @Test
    void rejectsAnUnknownTimeZone() {
        assertRejected("overview", "tz=Mars/Olympus_Mons", "tz");
    }

    @Test
    void rejectsAFilterOnAnUnknownDimension() {
        assertRejected("overview", "filter=colour:red", "filter");
        assertRejected("timeseries", "filter=page", "filter");
    }

    @Test
    void rejectsDatesWhoseInstantsWouldOverflow() {
        assertRejected("overview", "from=%2B999999999-01-01", "from");
        assertRejected("overview", "from=-999999999-01-01&to=2024-01-01", "from");
        assertRejected("overview", "to=%2B999999999-12-31T00:00:00Z", "to");
        assertRejected("timeseries", "from=1899-12-31&to=1900-01-01", "from");
    }

    @Test
    void rejectsMalformedDates() {
        assertRejected("overview", "from=yesterday", "from");
    }

    @Test
    void rejectsOutOfRangeLimitsAndUnknownChoices() {
        assertRejected("breakdown", "dimension=page&limit=1001", "limit");
        assertRejected("events", "limit=0", "limit");
        assertRejected("timeseries", "interval=minute", "interval");
        assertRejected("timeseries", "from=2023-01-01&to=2024-12-31&interval=hour", "interval");
        assertRejected("retention", "interval=month", "interval");
        assertRejected("events", "cursor=abc", "cursor");
        assertRejected("export", "dataset=passwords", "dataset");
        assertRejected("export", "dataset=pages&format=xlsx", "format");
    }

    @Test
    void rejectsFunnelsWithTooFewOrTooManyStepsOrAWideWindow() {
        assertRejected("funnel", "step=pageview:/", "step");
        assertRejected("funnel", "step=pageview:/&step=click:/x", "step");
        assertRejected("funnel", "step=pageview:/a&step=pageview:/b&step=pageview:/c&step=pageview:/d"
                + "&step=pageview:/e&step=pageview:/f&step=pageview:/g&step=pageview:/h&step=pageview:/i", "step");
        assertRejected("funnel", "step=pageview:/&step=event:signup&window=91d", "window");
        assertRejected("funnel", "step=pageview:/&step=event:signup&window=soon", "window");
    }

    @Test
    void requiresTheAuthenticatedAccount() {
        StatsHarness.Reply reply = harness.ask("overview", null, "");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
    }

    private static void assertRejected(String operation, String query, String parameter) {
        StatsHarness.Reply reply = harness.ask(operation, "acc", query);
        assertThat(reply.status()).as(operation + "?" + query + ": " + reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        JsonNode errors = reply.json().path("errors");
        assertThat(errors).as(reply.body()).hasSize(1);
        assertThat(errors.get(0).path("field").asText()).isEqualTo(parameter);
        assertThat(errors.get(0).path("message").asText()).isNotBlank();
    }
}
