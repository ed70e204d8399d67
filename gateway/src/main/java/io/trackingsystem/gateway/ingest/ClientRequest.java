package io.trackingsystem.gateway.ingest;

import io.trackingsystem.gateway.auth.ClientAddress;
import org.apache.camel.Message;

/**
 * What the HTTP request itself says about the sender, for every event it carries that does not name its visitor's
 * browser and address itself.
 *
 * @param receivedAt when the gateway received the request, epoch ms
 * @param userAgent  the {@code User-Agent} header, if any
 * @param address    the client's address, as the gateway's other routes determine it ({@code TRUSTED_PROXIES})
 */
record ClientRequest(long receivedAt, String userAgent, String address) {

    /**
     * @param trustedProxies how many reverse proxies append to {@code X-Forwarded-For}: the entry that many hops
     *                       from the right is the address the outermost trusted proxy saw; with none, the header
     *                       is ignored, since any client can write it
     */
    static ClientRequest of(Message message, int trustedProxies) {
        return new ClientRequest(System.currentTimeMillis(), message.getHeader("User-Agent", String.class),
                ClientAddress.of(message, trustedProxies));
    }
}
