package io.trackingsystem.routes.messaging;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

/** Turns each message on its channel into an exchange. */
final class BroadcastConsumer extends DefaultConsumer {

    BroadcastConsumer(BroadcastEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public BroadcastEndpoint getEndpoint() {
        return (BroadcastEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        getEndpoint().getComponent().subscribe(getEndpoint().getChannel(), this);
    }

    @Override
    protected void doStop() throws Exception {
        getEndpoint().getComponent().unsubscribe(getEndpoint().getChannel(), this);
        super.doStop();
    }

    void receive(String channel, String message) {
        Exchange exchange = createExchange(false);
        exchange.getMessage().setHeader(Messaging.CHANNEL, channel);
        exchange.getMessage().setBody(message);
        getAsyncProcessor().process(exchange, doneSync -> releaseExchange(exchange, false));
    }
}
