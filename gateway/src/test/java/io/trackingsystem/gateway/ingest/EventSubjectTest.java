package io.trackingsystem.gateway.ingest;

import io.trackingsystem.routes.problem.ProblemException.FieldError;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Whose address and browser an event stands for: the ones its sender named, else the request's. */
class EventSubjectTest {

    private static final ClientRequest REQUEST = new ClientRequest(1_000, "analytics-java/3.5.4", "203.0.113.7", "");

    private static CanonicalEvent segment(String json) {
        List<FieldError> errors = new ArrayList<>();
        CanonicalEvent event = SegmentEvent.normalise(new Fields(IngestGateway.parse(json), "", errors), "track",
                null, null, REQUEST);
        assertThat(errors).isEmpty();
        return event;
    }

    @Test
    void aSegmentEventsContextNamesItsVisitor() {
        CanonicalEvent event = segment("""
                {"userId":"u","event":"e","context":{"ip":"198.51.100.4","userAgent":"Mozilla/5.0 (Visitor)"}}""");

        assertThat(event.clientAddress()).isEqualTo("198.51.100.4");
        assertThat(event.userAgent()).isEqualTo("Mozilla/5.0 (Visitor)");
        assertThat(event.toJson()).doesNotContain("198.51.100.4").contains("Mozilla/5.0 (Visitor)");
    }

    @Test
    void withoutAUsableContextTheRequestSpeaks() {
        for (String context : List.of("{}", "{\"ip\":5,\"userAgent\":[]}", "{\"ip\":\"" + "1".repeat(65) + "\"}",
                "{\"ip\":\"\",\"userAgent\":\"\"}")) {
            CanonicalEvent event = segment("{\"userId\":\"u\",\"event\":\"e\",\"context\":" + context + "}");
            assertThat(event.clientAddress()).as(context).isEqualTo("203.0.113.7");
            assertThat(event.userAgent()).as(context).isEqualTo("analytics-java/3.5.4");
        }
    }

    @Test
    void aNativeEventNamesItsVisitorInItsOwnFields() {
        List<FieldError> errors = new ArrayList<>();
        CanonicalEvent event = NativeEvent.normalise(new Fields(IngestGateway.parse(
                "{\"eventName\":\"e\",\"ip\":\"2001:db8::1\",\"userAgent\":\"" + "U".repeat(600) + "\"}"), "", errors),
                REQUEST);

        assertThat(event.clientAddress()).isEqualTo("2001:db8::1");
        assertThat(event.userAgent()).hasSize(512);
        assertThat(event.needsTemporaryVisitorId()).isTrue();
    }
}
