package io.trackingsystem.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

/**
 * The HTTP ceilings our ingest figures are compared with, run in the same JVM flags and on the same machine:
 * a no-op Camel platform-http route and a raw Vert.x server. Both read the body and answer 202 with nothing.
 * Usage: {@code Ceilings <camel-port> <vertx-port>}; runs until killed.
 */
public final class Ceilings {

    private Ceilings() {
    }

    public static void main(String[] args) throws Exception {
        int camelPort = Integer.parseInt(args[0]);
        int vertxPort = Integer.parseInt(args[1]);

        Vertx vertx = Vertx.vertx();
        vertx.createHttpServer(new HttpServerOptions().setPort(vertxPort))
                .requestHandler(request -> request.body().onComplete(body ->
                        request.response().setStatusCode(202).end()))
                .listen().toCompletionStage().toCompletableFuture().join();

        Main main = new Main();
        main.configure().httpServer().withEnabled(true).withPort(camelPort);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("platform-http:/noop?httpMethodRestrict=POST")
                        .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(202))
                        .setBody(constant(""));
            }
        });
        main.run();
    }
}
