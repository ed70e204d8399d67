package io.trackingsystem.routes.messaging;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;

/** Publishes the message body; completes once Redis has taken it. */
final class BroadcastProducer extends DefaultAsyncProducer {

    private final BroadcastEndpoint endpoint;

    BroadcastProducer(BroadcastEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        String body = exchange.getMessage().getBody(String.class);
        endpoint.getComponent().redis().async()
                .publish(endpoint.getChannel(), body == null ? "" : body)
                .whenComplete((receivers, failure) -> {
                    if (failure != null) {
                        exchange.setException(failure);
                    }
                    callback.done(false);
                });
        return false;
    }
}
