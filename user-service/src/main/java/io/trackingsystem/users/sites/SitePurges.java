package io.trackingsystem.users.sites;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trackingsystem.routes.contract.Operations;
import io.trackingsystem.routes.messaging.Messaging;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    public void configure() {
        ProducerTemplate template = getContext().createProducerTemplate();
        from("timer:site-purges?delay=" + PERIOD_MS + "&period=" + PERIOD_MS).routeId("site-purges")
                .process(exchange -> sites.beingPurged().forEach(siteId -> poll(template, siteId)));
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
