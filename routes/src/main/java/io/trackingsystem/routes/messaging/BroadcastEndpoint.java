package io.trackingsystem.routes.messaging;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** {@code broadcast:<channel>}: publish to, or subscribe to, one pub/sub channel or pattern. */
public final class BroadcastEndpoint extends DefaultEndpoint {

    private final String channel;

    BroadcastEndpoint(String uri, BroadcastComponent component, String channel) {
        super(uri, component);
        this.channel = channel;
    }

    @Override
    public BroadcastComponent getComponent() {
        return (BroadcastComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new BroadcastProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        BroadcastConsumer consumer = new BroadcastConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    public String getChannel() {
        return channel;
    }
}
