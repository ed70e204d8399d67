package io.trackingsystem.routes.messaging;

import io.lettuce.core.XAddArgs;
import io.trackingsystem.routes.problem.ProblemException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.TypeConversionException;
import org.apache.camel.support.DefaultAsyncProducer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * Sends a request and completes the exchange with the reply, without holding a thread while it waits. A request
 * that gets no reply in time fails with 504; one that cannot be queued, or is for a service with no live instance
 * ({@link Presence}), fails with 503 at once. A sealed request also fails with 503 at once while no replica of the
 * service advertises a key to seal it to.
 */
final class ServiceProducer extends DefaultAsyncProducer {

    private final ServiceEndpoint endpoint;
    private final String stream;
    private final XAddArgs bounded;

    ServiceProducer(ServiceEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.stream = Messaging.requestStream(endpoint.getService());
        this.bounded = XAddArgs.Builder.maxlen(endpoint.getComponent().streamMaxLength()).approximateTrimming();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        ServiceComponent component = endpoint.getComponent();
        Replies replies;
        try {
            replies = component.replies();
        } catch (RuntimeException e) {
            exchange.setException(unavailable());
            callback.done(true);
            return true;
        }
        if (component.presence(endpoint.getService()).knownDown()) {
            exchange.setException(unavailable());
            callback.done(true);
            return true;
        }
        String id = replies.nextId();
        Duration timeout = Duration.ofMillis(endpoint.getTimeout());
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        Map<String, String> request;
        try {
            request = Envelope.request(id, replies.channel(), deadline, endpoint.getOperation(), exchange);
        } catch (TypeConversionException e) {
            // e.g. a Content-Type naming a charset this JVM does not know: the client's mistake, not an outage
            exchange.setException(ProblemException.badRequest("The body cannot be read as text in its charset"));
            callback.done(true);
            return true;
        }
        replies.expect(id, timeout).whenComplete((reply, failure) -> {
            if (failure == null) {
                reply.applyTo(exchange.getMessage());
            } else {
                exchange.setException(translate(failure, timeout));
            }
            callback.done(false);
        });
        if (!endpoint.isSealed()) {
            send(replies, id, request);
            return false;
        }
        component.sealingKeys(endpoint.getService()).live().whenComplete((recipients, failure) -> {
            if (failure != null || recipients.isEmpty()) {
                replies.fail(id, unavailable());
                return;
            }
            Envelope.seal(request, recipients);
            send(replies, id, request);
        });
        return false;
    }

    private void send(Replies replies, String id, Map<String, String> request) {
        try {
            endpoint.getComponent().redis().async().xadd(stream, bounded, request)
                    .whenComplete((entryId, failure) -> {
                        if (failure != null) {
                            replies.fail(id, unavailable());
                        }
                    });
        } catch (RuntimeException e) {
            replies.fail(id, e instanceof ProblemException ? e : unavailable());
        }
    }

    private ProblemException unavailable() {
        return ProblemException.unavailable(endpoint.getService() + " cannot be reached", 2);
    }

    private Throwable translate(Throwable failure, Duration timeout) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof TimeoutException) {
            return ProblemException.timeout(endpoint.getService() + " did not answer within "
                    + timeout.toMillis() + " ms");
        }
        return cause;
    }
}
