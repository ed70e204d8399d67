package io.trackingsystem.gateway.ingest;

import io.vertx.core.net.SocketAddress;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpConstants;

/**
 * What the HTTP request itself says about the sender, added to every event it carries.
 *
 * @param receivedAt when the gateway received the request, epoch ms
 * @param userAgent  the {@code User-Agent} header, if any
 * @param ip         the client's address, as the gateway's other routes determine it ({@code TRUSTED_PROXIES})
 */
record ClientRequest(long receivedAt, String userAgent, String ip) {

    /**
     * @param trustedProxies how many reverse proxies append to {@code X-Forwarded-For}: the entry that many hops
     *                       from the right is the address the outermost trusted proxy saw; with none, the header
     *                       is ignored, since any client can write it
     */
    static ClientRequest of(Message message, int trustedProxies) {
        return new ClientRequest(System.currentTimeMillis(), message.getHeader("User-Agent", String.class),
                clientIp(message, trustedProxies));
    }

    private static String clientIp(Message message, int trustedProxies) {
        String forwarded = message.getHeader("X-Forwarded-For", String.class);
        if (trustedProxies > 0 && forwarded != null) {
            String[] hops = forwarded.split(",");
            String hop = hops[Math.max(0, hops.length - trustedProxies)].strip();
            if (!hop.isEmpty()) {
                return hop;
            }
        }
        Object peer = message.getHeader(VertxPlatformHttpConstants.REMOTE_ADDRESS);
        return peer instanceof SocketAddress address ? address.hostAddress() : null;
    }
}
