package io.trackingsystem.tracking.storage;

import io.trackingsystem.routes.problem.Problem;
import io.trackingsystem.routes.problem.Problems;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class StorageUnavailableExceptionTest {

    @Test
    void answersServiceUnavailableWithRetryAfterAndKeepsItsCauseOutOfTheAnswer() {
        Problem problem = Problems.from(new CompletionException(new StorageUnavailableException(
                "segment seg:s:1:x moved twice", new IllegalStateException("internal detail"))));

        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.extensions()).containsEntry("retryAfter", StorageUnavailableException.RETRY_AFTER_SECONDS);
        assertThat(problem.toJson()).doesNotContain("seg:").doesNotContain("internal detail");
    }
}
