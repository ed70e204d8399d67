package io.trackingsystem.tracking.pipeline;

import io.trackingsystem.routes.contract.EventLimits;
import org.junit.jupiter.api.Test;

import static io.trackingsystem.tracking.pipeline.StepFixtures.NOW;
import static io.trackingsystem.tracking.pipeline.StepFixtures.normalised;
import static org.assertj.core.api.Assertions.assertThat;

class NormaliseTest {

    @Test
    void readsTheContractFields() {
        Event event = normalised("{\"id\":\"e1\",\"name\":\"pageview\",\"type\":\"page\",\"ts\":" + (NOW - 5000)
                + ",\"receivedAt\":" + NOW + ",\"anonymousId\":\"a1\",\"url\":\"https://www.Example.com/Docs/?q=1#x\","
                + "\"screen\":\"1920x1080\",\"language\":\"en-US\",\"props\":{\"plan\":\"pro\",\"n\":3,\"ok\":true}}");

        assertThat(event.dropped()).isFalse();
        assertThat(event.id()).isEqualTo("e1");
        assertThat(event.isPageview()).isTrue();
        assertThat(event.ts()).isEqualTo(NOW - 5000);
        assertThat(event.host()).isEqualTo("example.com");
        assertThat(event.path()).isEqualTo("/Docs");
        assertThat(event.screen()).isEqualTo("1920x1080");
        assertThat(event.language()).isEqualTo("en-US");
        assertThat(event.props()).containsEntry("plan", "pro").containsEntry("n", "3").containsEntry("ok", "true");
        assertThat(event.propsJson()).isEqualTo("{\"plan\":\"pro\",\"n\":\"3\",\"ok\":\"true\"}");
    }

    @Test
    void readsTheLocationOnlyWithAValidCountry() {
        Event located = normalised("{\"id\":\"e1\",\"name\":\"pageview\",\"country\":\"GB\",\"region\":\"GB-ENG\","
                + "\"city\":\"" + "L".repeat(150) + "\"}");
        Event lowerCase = normalised("{\"id\":\"e1\",\"name\":\"pageview\",\"country\":\"gb\",\"region\":\"GB-ENG\"}");
        Event wrongType = normalised("{\"id\":\"e1\",\"name\":\"pageview\",\"country\":44,\"city\":\"London\"}");

        assertThat(located.country()).isEqualTo("GB");
        assertThat(located.region()).isEqualTo("GB-ENG");
        assertThat(located.city()).hasSize(EventLimits.CITY_CHARS);
        for (Event unlocated : new Event[]{lowerCase, wrongType}) {
            assertThat(unlocated.dropped()).isFalse();
            assertThat(unlocated.country()).isEmpty();
            assertThat(unlocated.region()).isEmpty();
            assertThat(unlocated.city()).isEmpty();
        }
    }

    @Test
    void dropsEntriesWithoutIdOrNameOrWithABadAccount() {
        assertThat(normalised("{\"name\":\"pageview\"}").dropReason()).isEqualTo(DropReason.MALFORMED);
        assertThat(normalised("{\"id\":\"e1\",\"type\":\"track\"}").dropReason()).isEqualTo(DropReason.MALFORMED);
        assertThat(normalised("{\"id\":\"e1\"").dropReason()).isEqualTo(DropReason.MALFORMED);
        assertThat(normalised("\"just text\"").dropReason()).isEqualTo(DropReason.MALFORMED);
        Event badAccount = new Event("1-0", "{t:x}", "{\"id\":\"e1\",\"name\":\"pageview\"}");
        new Normalise(StepFixtures.RETENTION, StepFixtures.CLOCK).apply(badAccount);
        assertThat(badAccount.dropReason()).isEqualTo(DropReason.MALFORMED);
    }

    @Test
    void acceptsOnlyShortAccountIdsOfSafeCharacters() {
        assertThat(Normalise.isAccountId("0c279ff4-36e0-4459-a36c-e220017aff37")).isTrue();
        assertThat(Normalise.isAccountId("a.b_c:D-9")).isTrue();
        assertThat(Normalise.isAccountId("x".repeat(64))).isTrue();
        assertThat(Normalise.isAccountId("x".repeat(65))).isFalse();
        assertThat(Normalise.isAccountId("")).isFalse();
        assertThat(Normalise.isAccountId("{t:x}")).isFalse();
        assertThat(Normalise.isAccountId("a b")).isFalse();
        assertThat(Normalise.isAccountId("é")).isFalse();
    }

    @Test
    void treatsWrongTypesAsAbsentAndCutsHugeValues() {
        Event event = normalised("{\"id\":12345,\"name\":\"" + "n".repeat(500) + "\",\"ts\":\"soon\",\"url\":7,"
                + "\"props\":[1],\"utm\":\"x\",\"userId\":{\"a\":1},\"screen\":\"big\",\"referrer\":\"ref\\u0001erer\"}");

        assertThat(event.dropped()).isFalse();
        assertThat(event.id()).isEqualTo("12345");
        assertThat(event.name()).hasSize(EventLimits.NAME_CHARS);
        assertThat(event.type()).isEqualTo("track");
        assertThat(event.ts()).isEqualTo(NOW);
        assertThat(event.url()).isEmpty();
        assertThat(event.props()).isEmpty();
        assertThat(event.userId()).isEmpty();
        assertThat(event.screen()).isEmpty();
        assertThat(event.referrer()).isEqualTo("referer");
    }

    @Test
    void keepsAtMostTwentyScalarProperties() {
        StringBuilder props = new StringBuilder("{\"nested\":{\"a\":1}");
        for (int i = 0; i < 30; i++) {
            props.append(",\"k").append(i).append("\":").append(i);
        }
        Event event = normalised("{\"id\":\"e1\",\"name\":\"buy\",\"props\":" + props + "}}");

        assertThat(event.props()).hasSize(EventLimits.PROPERTIES).doesNotContainKey("nested");
    }

    @Test
    void futureTimestampsFallBackToTheReceiveTimeAndOldEventsAreDropped() {
        assertThat(normalised("{\"id\":\"e1\",\"name\":\"x\",\"ts\":" + (NOW + 7_200_000) + ",\"receivedAt\":" + NOW
                + "}").ts()).isEqualTo(NOW);
        assertThat(normalised("{\"id\":\"e1\",\"name\":\"x\",\"ts\":" + (NOW - 91L * 86_400_000) + "}").dropReason())
                .isEqualTo(DropReason.TOO_OLD);
    }

    @Test
    void pageTypeWithoutNameIsAPageview() {
        Event event = normalised("{\"id\":\"e1\",\"type\":\"page\"}");

        assertThat(event.name()).isEqualTo("pageview");
        assertThat(normalised("{\"id\":\"e2\",\"type\":\"identify\"}").name()).isEqualTo("identify");
    }

    @Test
    void keepsIdsUpToTheLimitTheGatewayAccepts() {
        String shared = "m".repeat(128);
        Event first = normalised("{\"id\":\"" + shared + "-first\",\"name\":\"x\",\"userId\":\"" + "u".repeat(200)
                + "\"}");
        Event second = normalised("{\"id\":\"" + shared + "-second\",\"name\":\"x\"}");

        assertThat(first.id()).isEqualTo(shared + "-first");
        assertThat(second.id()).isEqualTo(shared + "-second");
        assertThat(first.userId()).hasSize(EventLimits.ID_CHARS);
        assertThat(normalised("{\"id\":\"" + "i".repeat(300) + "\",\"name\":\"x\"}").id())
                .hasSize(EventLimits.ID_CHARS);
    }

    @Test
    void readsTheTemporaryVisitorIdTheGatewayDerived() {
        Event event = normalised("{\"id\":\"e1\",\"name\":\"x\",\"tempVisitorId\":\"~abcdefghijklmnop\"}");

        assertThat(event.temporaryVisitorId()).isEqualTo("~abcdefghijklmnop");
        assertThat(event.ip()).isEmpty();
    }
}
