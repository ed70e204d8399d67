package io.trackingsystem.routes.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class ProblemsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void inputJacksonCannotReadIsTheClientsFault() {
        assertThat(Problems.from(catchThrowable(() -> JSON.readTree("{\"a\":")))).satisfies(problem -> {
            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.title()).isEqualTo("Malformed JSON");
        });
        assertThat(Problems.from(catchThrowable(() -> JSON.readValue("[1]", Map.class))).status())
                .as("valid JSON of the wrong shape").isEqualTo(400);
        assertThat(Problems.from(catchThrowable(() -> JSON.readTree("[".repeat(5000) + "]".repeat(5000)))).status())
                .as("nested past Jackson's depth limit").isEqualTo(400);
    }

    @Test
    void anAnswerJacksonCannotWriteIsTheServicesFault() {
        Throwable unwritable = catchThrowable(() -> JSON.writeValueAsString(List.of(new Object())));

        assertThat(unwritable).isNotNull();
        assertThat(Problems.from(new RuntimeException("answering", unwritable)).status()).isEqualTo(500);
    }
}
