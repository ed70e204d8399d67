package io.trackingsystem.tracking.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trackingsystem.routes.messaging.Messaging;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.tracking.TrackingConfig;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.service.ServiceSupport;

import java.util.function.Function;

/**
 * The analytics operations of the tracking-service: {@code service:tracking-service?operation=<name>}. The
 * request body is the caller's query string; the account is the authenticated principal and nothing else, so a
 * query can only ever read its own account's keys. Each reply is JSON.
 */
public final class StatsRoutes extends RouteBuilder {

    private static final String SERVICE = "service:tracking-service?operation=";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Redis redis;
    private final TrackingConfig config;

    public StatsRoutes(Redis redis, TrackingConfig config) {
        this.redis = redis;
        this.config = config;
    }

    @Override
    public void configure() throws Exception {
        StatsSource source = StatsSource.open(redis, config.sessionIdle());
        getContext().addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                source.close();
            }
        }, true, true);

        answer("overview", new Overview(source)::answer);
        answer("timeseries", new TimeSeries(source)::answer);
        answer("breakdown", new Breakdown(source)::answer);
        answer("realtime", new Realtime(source)::answer);
        answer("events", new EventList(source)::answer);
        answer("funnel", new Funnel(source)::answer);
        answer("retention", new Retention(source)::answer);
        answer("export", new CsvExport(source)::answer);
    }

    private void answer(String operation, Function<StatsRequest, Object> query) {
        from(SERVICE + operation).routeId("stats-" + operation)
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
