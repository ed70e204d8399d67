package io.trackingsystem.gateway.ingest;

import io.trackingsystem.routes.problem.Problem;
import io.trackingsystem.routes.problem.ProblemException;
import io.trackingsystem.routes.problem.Problems;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Answers an exchange from work that finishes on Redis' I/O thread, without holding a thread while it runs: the
 * work starts on the HTTP worker, and the exchange completes from whichever thread finishes it. Every failure
 * becomes a problem, shaped as the API's clients read refusals.
 */
final class AsyncAnswer {

    private AsyncAnswer() {
    }

    /** @return as {@link org.apache.camel.AsyncProcessor#process}: whether the exchange completed synchronously */
    static <T> boolean complete(Exchange exchange, AsyncCallback callback,
                                Function<Message, CompletionStage<T>> work, BiConsumer<Message, T> answer,
                                UnaryOperator<Problem> refusal) {
        CompletableFuture<T> result;
        try {
            result = work.apply(exchange.getMessage()).toCompletableFuture();
        } catch (RuntimeException e) {
            refuse(exchange, e, refusal);
            callback.done(true);
            return true;
        }
        if (result.isDone()) {
            finish(exchange, result, answer, refusal);
            callback.done(true);
            return true;
        }
        result.whenComplete((value, failure) -> {
            finish(exchange, result, answer, refusal);
            callback.done(false);
        });
        return false;
    }

    private static <T> void finish(Exchange exchange, CompletableFuture<T> result, BiConsumer<Message, T> answer,
                                   UnaryOperator<Problem> refusal) {
        try {
            answer.accept(exchange.getMessage(), result.join());
        } catch (CompletionException e) {
            refuse(exchange, e.getCause() != null ? e.getCause() : e, refusal);
        } catch (RuntimeException e) {
            refuse(exchange, e, refusal);
        }
    }

    private static void refuse(Exchange exchange, Throwable failure, UnaryOperator<Problem> refusal) {
        exchange.setException(new ProblemException(refusal.apply(Problems.from(failure))));
    }
}
