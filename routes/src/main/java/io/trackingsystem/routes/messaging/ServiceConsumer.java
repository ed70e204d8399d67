package io.trackingsystem.routes.messaging;

import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

/** Answers one operation of a service; the component's worker feeds it the matching requests. */
final class ServiceConsumer extends DefaultConsumer {

    ServiceConsumer(ServiceEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public ServiceEndpoint getEndpoint() {
        return (ServiceEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ServiceEndpoint endpoint = getEndpoint();
        endpoint.getComponent().register(endpoint.getService(), endpoint.getOperation(), this,
                endpoint.getConcurrency());
    }

    @Override
    protected void doStop() throws Exception {
        ServiceEndpoint endpoint = getEndpoint();
        endpoint.getComponent().unregister(endpoint.getService(), endpoint.getOperation());
        super.doStop();
    }
}
