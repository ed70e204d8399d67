package io.trackingsystem.tracking.pipeline;

import io.trackingsystem.routes.contract.VisitorSalt;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VisitorAndSessionStepsTest {

    private static Event visitor(String fields, String salt) {
        Event event = StepFixtures.normalised("{\"id\":\"e1\",\"name\":\"pageview\"," + fields + "}");
        new AssignVisitor(day -> salt).apply(event);
        new AssignSession().apply(event);
        return event;
    }

    @Test
    void userIdWinsOverAnonymousId() {
        assertThat(visitor("\"userId\":\"u1\",\"anonymousId\":\"a1\"", "s").visitorId()).isEqualTo("u1");
        assertThat(visitor("\"anonymousId\":\"a1\"", "s").visitorId()).isEqualTo("a1");
    }

    @Test
    void withoutUserOrAnonymousIdTheVisitorIsTheTemporaryIdTheGatewayDerived() {
        Event event = visitor("\"tempVisitorId\":\"~gateway-derived1\",\"userAgent\":\"UA\"", "s");

        assertThat(event.visitorId()).isEqualTo("~gateway-derived1");
        assertThat(visitor("\"anonymousId\":\"a1\",\"tempVisitorId\":\"~gateway-derived1\"", "s").visitorId())
                .isEqualTo("a1");
    }

    @Test
    void anEntryOfTheEarlierReleaseGetsTheIdTheGatewayNowDerivesFromTheSameAddress() {
        Event legacy = visitor("\"ip\":\"203.0.113.9\",\"userAgent\":\"UA\"", "salt-1");

        assertThat(legacy.visitorId()).isEqualTo(VisitorSalt.temporaryVisitorId("salt-1", "acc", "203.0.113.9", "UA"));
    }

    @Test
    void withoutIdsTheVisitorIsASaltedHashThatNeverContainsTheIp() {
        Event first = visitor("\"ip\":\"203.0.113.9\",\"userAgent\":\"UA\"", "salt-1");
        Event again = visitor("\"ip\":\"203.0.113.9\",\"userAgent\":\"UA\"", "salt-1");
        Event nextDay = visitor("\"ip\":\"203.0.113.9\",\"userAgent\":\"UA\"", "salt-2");

        assertThat(first.visitorId()).startsWith("~").hasSize(17).doesNotContain("203.0.113.9");
        assertThat(again.visitorId()).isEqualTo(first.visitorId());
        assertThat(nextDay.visitorId()).isNotEqualTo(first.visitorId());
        assertThat(first.visitorHash()).matches("\\d+");
    }

    @Test
    void givenSessionIdIsKeptOtherwiseANewSessionIdIsDerivedFromVisitorAndTime() {
        assertThat(visitor("\"anonymousId\":\"a1\",\"sessionId\":\"s-9\"", "s").newSessionId()).isEmpty();
        Event derived = visitor("\"anonymousId\":\"a1\"", "s");
        assertThat(derived.newSessionId()).isNotEmpty().isEqualTo(visitor("\"anonymousId\":\"a1\"", "s").newSessionId());
    }

    @Test
    void dedupeFingerprintDependsOnlyOnTheId() {
        Event event = StepFixtures.normalised("{\"id\":\"same\",\"name\":\"a\"}");
        Event other = StepFixtures.normalised("{\"id\":\"same\",\"name\":\"b\",\"ts\":1}");
        new Dedupe().apply(event);
        new Dedupe().apply(other);

        assertThat(event.fingerprint()).hasSize(16).isEqualTo(other.fingerprint());
    }

    @Test
    void pipelineRunsTheStepsInOrderAndStopsAtTheFirstDrop() {
        Pipeline pipeline = Pipeline.standard(StepFixtures.RETENTION, new UserAgents(10), day -> "s",
                StepFixtures.CLOCK);
        assertThat(pipeline.stepNames()).isEqualTo(List.of("Normalise", "Dedupe", "ParseUserAgent", "FilterBots",
                "DeriveSource", "AssignVisitor", "AssignSession"));

        Event bot = pipeline.run(new Event("1-0", "acc", "{\"id\":\"e1\",\"name\":\"pageview\",\"anonymousId\":\"a\","
                + "\"userAgent\":\"Googlebot/2.1\"}"));
        assertThat(bot.dropReason()).isEqualTo(DropReason.BOT);
        assertThat(bot.visitorId()).isEmpty();
    }
}
