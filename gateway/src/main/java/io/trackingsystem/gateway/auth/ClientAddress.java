package io.trackingsystem.gateway.auth;

import io.vertx.core.net.SocketAddress;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpConstants;

/**
 * Tells the user-service who is calling, for login throttling, in {@link #HEADER}. Any value the client sent under
 * that name is replaced. {@code X-Forwarded-For} is believed only as far as the configured trusted proxies wrote
 * it: the entry that many hops from the right is the address the outermost trusted proxy saw.
 */
public final class ClientAddress implements Processor {

    static final String HEADER = "X-Client-Address";

    private final int trustedProxies;

    ClientAddress(int trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        message.setHeader(HEADER, of(message, trustedProxies));
    }

    /** The address of the client that sent this request, or null when the transport does not tell. */
    public static String of(Message message, int trustedProxies) {
        Object remote = message.getHeader(VertxPlatformHttpConstants.REMOTE_ADDRESS);
        String peer = remote instanceof SocketAddress socket ? socket.hostAddress() : null;
        return resolve(message.getHeader("X-Forwarded-For", String.class), peer, trustedProxies);
    }

    static String resolve(String forwardedFor, String peer, int trustedProxies) {
        if (trustedProxies == 0 || forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        String hop = hops[Math.max(0, hops.length - trustedProxies)].strip();
        return hop.isEmpty() ? peer : hop;
    }
}
