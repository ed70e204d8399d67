package io.trackingsystem.gateway.ingest;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedStartupListener;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * Segment's libraries label the JSON they post as they please: {@code text/plain} (analytics.js),
 * {@code application/x-www-form-urlencoded} (rudder-sdk-node, over gzip). A body posted to {@code /v1/*} is read
 * as JSON whatever its label, so the label is set to JSON before the HTTP layer would decode a form from it, and
 * before the edge's refusal of forms, which holds for the rest of the API.
 */
final class SegmentBodies {

    /** Ahead of the edge's handlers, which run at order -3 and -2. */
    private static final int ORDER = -4;

    private SegmentBodies() {
    }

    static void readAsJson(CamelContext context) throws Exception {
        context.addStartupListener(new ExtendedStartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext started, boolean alreadyStarted) {
                // the router exists only once the context has fully started
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext started, boolean alreadyStarted) {
                started.getRegistry().findByType(VertxPlatformHttpRouter.class).forEach(router ->
                        router.route("/v1/*").order(ORDER).handler(SegmentBodies::labelJson));
            }
        });
    }

    private static void labelJson(RoutingContext routing) {
        if (routing.request().method() == HttpMethod.POST) {
            routing.request().headers().set(HttpHeaders.CONTENT_TYPE, "application/json");
        }
        routing.next();
    }
}
