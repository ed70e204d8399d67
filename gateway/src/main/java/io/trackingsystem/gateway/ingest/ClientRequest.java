package io.trackingsystem.gateway.ingest;

import io.vertx.core.net.SocketAddress;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpConstants;

/**
 * What the HTTP request itself says about the sender, added to every event it carries.
 *
 * @param receivedAt when the gateway received the request, epoch ms
 * @param userAgent  the {@code User-Agent} header, if any
 * @param ip         the client: the first {@code X-Forwarded-For} hop, else the peer address
 */
record ClientRequest(long receivedAt, String userAgent, String ip) {

    static ClientRequest of(Message message) {
        return new ClientRequest(System.currentTimeMillis(), message.getHeader("User-Agent", String.class),
                clientIp(message));
    }

    private static String clientIp(Message message) {
        String forwarded = message.getHeader("X-Forwarded-For", String.class);
        if (forwarded != null) {
            int comma = forwarded.indexOf(',');
            String first = (comma < 0 ? forwarded : forwarded.substring(0, comma)).trim();
            if (!first.isEmpty()) {
                return first;
            }
        }
        Object peer = message.getHeader(VertxPlatformHttpConstants.REMOTE_ADDRESS);
        return peer instanceof SocketAddress address ? address.hostAddress() : null;
    }
}
