package io.trackingsystem.users.sites;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trackingsystem.routes.contract.Operations;
import io.trackingsystem.routes.messaging.Messaging;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Drives the purge of deleted sites' data: every few seconds, each site still being purged is asked about once
 * more; the tracking-service deletes in bounded steps and answers 200 once nothing is left, and the site is then
 * marked deleted. Replicas may both ask; asking is idempotent.
 */
public final class SitePurges extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(SitePurges.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long PERIOD_MS = 2_000;

    private final SiteStore sites;

    public SitePurges(SiteStore sites) {
        this.sites = sites;
    }

    @Override
    public void configure() throws Exception {
        CamelContext context = getContext();
        ProducerTemplate template = context.createProducerTemplate();
        context.addService(new ServiceSupport() {
            private ScheduledExecutorService timer;

            @Override
            protected void doStart() {
                timer = context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "site-purges");
                timer.scheduleWithFixedDelay(() -> pollAll(template), PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
            }

            @Override
            protected void doStop() {
                context.getExecutorServiceManager().shutdown(timer);
            }
        }, true, true);
    }

    private void pollAll(ProducerTemplate template) {
        try {
            sites.beingPurged().forEach(siteId -> poll(template, siteId));
        } catch (RuntimeException e) {
            LOG.warn("Could not follow the purge of deleted sites: {}", e.toString());
        }
    }

    private void poll(ProducerTemplate template, String siteId) {
        Exchange reply = template.send(Operations.trackingService(Operations.PURGE_SITE),
                request -> request.setProperty(Messaging.PRINCIPAL, siteId));
        if (reply.getException() != null) {
            LOG.debug("Purging site {} is not answered yet: {}", siteId, reply.getException().toString());
            return;
        }
        if (isDeleted(reply)) {
            sites.markDeleted(siteId);
            LOG.info("The data of site {} is deleted", siteId);
        }
    }

    private static boolean isDeleted(Exchange reply) {
        int status = reply.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class);
        if (status != 200) {
            return false;
        }
        try {
            JsonNode body = JSON.readTree(reply.getMessage().getBody(String.class));
            return Site.DELETED.equals(body.path("state").asText());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return false;
        }
    }
}
