package io.trackingsystem.tracking.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trackingsystem.routes.contract.Operations;
import io.trackingsystem.routes.messaging.Messaging;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.tracking.TrackingConfig;
import io.trackingsystem.tracking.storage.SitePurge;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.service.ServiceSupport;

import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

/**
 * The analytics operations of the tracking-service: {@code service:tracking-service?operation=<name>}. The
 * request body is the caller's query string; the account is the authenticated principal and nothing else, so a
 * query can only ever read its own account's keys. Each reply is JSON.
 */
public final class StatsRoutes extends RouteBuilder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Redis redis;
    private final TrackingConfig config;

    public StatsRoutes(Redis redis, TrackingConfig config) {
        this.redis = redis;
        this.config = config;
    }

    @Override
    public void configure() throws Exception {
        StatsSource source = StatsSource.open(redis, config.sessionIdle(), config.cacheBytes(), config.queryThreads(),
                Clock.systemUTC());
        getContext().addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                source.close();
            }
        }, true, true);

        answer(Operations.OVERVIEW, new Overview(source)::answer);
        answer(Operations.TIMESERIES, new TimeSeries(source)::answer);
        answer(Operations.BREAKDOWN, new Breakdown(source)::answer);
        answer(Operations.REALTIME, new Realtime(source)::answer);
        answer(Operations.EVENTS, new EventList(source)::answer);
        answer(Operations.FUNNEL, new Funnel(source)::answer);
        answer(Operations.RETENTION, new Retention(source)::answer);
        answer(Operations.EXPORT, new CsvExport(source)::answer);
        answer(Operations.DIMENSIONS, request -> Dimensions.answer());
        answer(Operations.INGEST, new IngestReport(redis, Clock.systemUTC())::answer);

        SitePurge purge = new SitePurge(redis);
        from(Operations.trackingService(Operations.PURGE_SITE)).routeId("purge-site").process(exchange -> {
            StatsRequest request = request(exchange);
            boolean done = purge.step(request.site());
            reply(exchange, Map.of("state", done ? "deleted" : "deleting"));
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, done ? 200 : 202);
        });
    }

    private void answer(String operation, Function<StatsRequest, Object> query) {
        from(Operations.trackingService(operation)).routeId("stats-" + operation)
                .process(exchange -> reply(exchange, query.apply(request(exchange))));
    }

    private static StatsRequest request(Exchange exchange) {
        Message message = exchange.getMessage();
        return StatsRequest.of(message.getHeader(Messaging.PRINCIPAL, String.class), message.getBody(String.class));
    }

    private static void reply(Exchange exchange, Object answer) throws JsonProcessingException {
        Message message = exchange.getMessage();
        message.getHeaders().clear();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader("Cache-Control", "no-store");
        message.setBody(JSON.writeValueAsString(answer));
    }
}
