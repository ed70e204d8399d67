package io.trackingsystem.routes.messaging;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/**
 * {@code service:<name>?operation=<op>}. Options: {@code timeout} (ms, producer; default REQUEST_TIMEOUT_MS),
 * {@code concurrency} (consumer; requests handled at once per instance, default 16) and {@code sealed} (both
 * sides, for operations whose requests carry secrets: the caller seals headers and body to the live replicas'
 * keys, and the service refuses the operation unsealed).
 */
public final class ServiceEndpoint extends DefaultEndpoint {

    private final String service;
    private String operation;
    private long timeout;
    private int concurrency = 16;
    private boolean sealed;

    ServiceEndpoint(String uri, ServiceComponent component, String service) {
        super(uri, component);
        this.service = service;
    }

    @Override
    public ServiceComponent getComponent() {
        return (ServiceComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new ServiceProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        ServiceConsumer consumer = new ServiceConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    public String getService() {
        return service;
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public long getTimeout() {
        return timeout;
    }

    public void setTimeout(long timeout) {
        this.timeout = timeout;
    }

    public int getConcurrency() {
        return concurrency;
    }

    public void setConcurrency(int concurrency) {
        this.concurrency = concurrency;
    }

    public boolean isSealed() {
        return sealed;
    }

    public void setSealed(boolean sealed) {
        this.sealed = sealed;
    }
}
