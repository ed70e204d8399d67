package io.trackingsystem.gateway.stats;

import io.trackingsystem.gateway.access.Reader;
import io.trackingsystem.gateway.access.SiteAccess;
import io.trackingsystem.gateway.auth.BearerAuthentication;
import io.trackingsystem.routes.problem.Problem;
import io.trackingsystem.routes.problem.ProblemException;
import io.trackingsystem.routes.problem.Problems;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.DefaultMessage;

import java.util.concurrent.CompletionStage;

/**
 * {@code GET /api/live?site=}: server-sent events, one {@code data:} frame per event the site stores, while the
 * connection lasts and its reader may read the site ({@link SiteAccess}). A Vert.x handler rather than a Camel route, because a route would hold a worker thread for
 * as long as the browser stays connected. Since EventSource cannot send headers, an access token may come as
 * {@code ?access_token=}.
 */
final class LiveStream implements Handler<RoutingContext>, AutoCloseable {

    static final String PATH = BearerAuthentication.LIVE_PATH;
    /** Exchange property of the checked token, kept by the stream to check again later. */
    private static final String TOKEN = "liveToken";

    private final CamelContext camel;
    private final BearerAuthentication bearer;
    private final SiteAccess access;
    private final LiveFanout fanout;
    private final StatsConfig config;
    private Vertx vertx;
    private Route route;
    private long heartbeat = -1;

    LiveStream(CamelContext camel, LiveFanout fanout, StatsConfig config) {
        this.camel = camel;
        this.bearer = BearerAuthentication.in(camel);
        this.access = SiteAccess.in(camel);
        this.fanout = fanout;
        this.config = config;
    }

    /** Serves the path ahead of every Camel route on the router, and starts the heartbeats. */
    void install(Router router, Vertx vertx) {
        this.vertx = vertx;
        this.route = router.route(HttpMethod.GET, PATH).order(-1).handler(this);
        this.heartbeat = vertx.setPeriodic(config.liveHeartbeat().toMillis(), id -> beat());
    }

    @Override
    public void handle(RoutingContext context) {
        HttpServerResponse response = context.response();
        Exchange exchange;
        CompletionStage<Reader> authorised;
        try {
            exchange = credentials(context.request().getHeader("Authorization"),
                    context.request().getParam(BearerAuthentication.QUERY_PARAMETER));
            authorised = access.authorise(exchange, context.request().getParam(SiteAccess.SITE_PARAMETER));
        } catch (RuntimeException e) {
            answer(response, Problems.from(e));
            return;
        }
        Context connection = vertx.getOrCreateContext();
        authorised.whenComplete((reader, failure) -> connection.runOnContext(ignored -> {
            if (response.closed()) {
                return;
            }
            if (failure != null) {
                answer(response, Problems.from(SiteAccess.unwrap(failure)));
                return;
            }
            open(response, new LiveClient(reader, exchange.getProperty(TOKEN, String.class), response, connection),
                    connection);
        }));
    }

    private void open(HttpServerResponse response, LiveClient client, Context connection) {
        var subscribed = fanout.add(client, config.liveStreamsPerAccount());
        if (subscribed == null) {
            answer(response, ProblemException.tooManyRequests("At most " + config.liveStreamsPerAccount()
                    + " live streams per site may be open at once", 5).problem());
            return;
        }
        response.closeHandler(ignored -> {
            client.markClosed();
            fanout.remove(client);
        });
        response.setStatusCode(200).setChunked(true).setWriteQueueMaxSize(config.liveBufferBytes())
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Accel-Buffering", "no");
        subscribed.whenComplete((done, failure) -> {
            if (failure == null) {
                client.send(": connected\n\n");
                return;
            }
            client.markClosed();
            fanout.remove(client);
            connection.runOnContext(ignored -> {
                if (!response.headWritten() && !response.closed()) {
                    answer(response, Problems.from(failure));
                }
            });
        });
    }

    /** Every stream gets a comment line; a stream whose reader may no longer read ends, and the browser reconnects. */
    private void beat() {
        recheck(true);
    }

    /**
     * Checks every open stream's credentials and access again: on each heartbeat, and at once when access
     * changed somewhere.
     */
    void recheck(boolean heartbeat) {
        for (LiveClient client : fanout.clients()) {
            try {
                if (client.reader().userId() != null) {
                    bearer.process(credentials("Bearer " + client.token(), null));
                }
            } catch (RuntimeException e) {
                end(client);
                continue;
            }
            access.stillAllowed(client.reader()).whenComplete((allowed, failure) -> {
                if (failure == null && !allowed) {
                    end(client);
                } else if (heartbeat) {
                    client.heartbeat();
                }
            });
        }
    }

    private void end(LiveClient client) {
        client.close();
        fanout.remove(client);
    }

    /** An exchange holding the request's credentials, as the Analytics API's checks read them. */
    private Exchange credentials(String authorization, String queryToken) {
        Exchange exchange = new DefaultExchange(camel);
        Message message = exchange.getMessage();
        message.setHeader(Exchange.HTTP_PATH, PATH);
        if (authorization != null) {
            message.setHeader("Authorization", authorization);
        }
        if (queryToken != null) {
            message.setHeader(BearerAuthentication.QUERY_PARAMETER, queryToken);
        }
        String bearerToken = BearerAuthentication.bearerToken(authorization);
        exchange.setProperty(TOKEN, bearerToken != null ? bearerToken : queryToken);
        return exchange;
    }

    private void answer(HttpServerResponse response, Problem problem) {
        Message message = new DefaultMessage(camel);
        Problems.write(message, problem);
        response.setStatusCode(message.getHeader(Exchange.HTTP_RESPONSE_CODE, 500, Integer.class));
        message.getHeaders().forEach((name, value) -> {
            if (!Exchange.HTTP_RESPONSE_CODE.equals(name) && value != null) {
                response.putHeader(name, value.toString());
            }
        });
        response.end(message.getBody(String.class));
    }

    @Override
    public void close() {
        if (vertx != null && heartbeat >= 0) {
            vertx.cancelTimer(heartbeat);
        }
        if (route != null) {
            route.remove();
        }
        fanout.close();
    }
}
