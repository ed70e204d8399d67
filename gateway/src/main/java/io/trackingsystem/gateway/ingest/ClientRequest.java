package io.trackingsystem.gateway.ingest;

import io.trackingsystem.gateway.auth.ClientAddress;
import io.trackingsystem.gateway.geo.CountryCode;
import org.apache.camel.Message;

/**
 * What the HTTP request itself says about the sender, for every event it carries that does not name its visitor's
 * browser and address itself.
 *
 * @param receivedAt when the gateway received the request, epoch ms
 * @param userAgent  the {@code User-Agent} header, if any
 * @param address    the client's address, as the gateway's other routes determine it ({@code TRUSTED_PROXIES})
 * @param country    the client's country as a trusted proxy named it in {@code CF-IPCountry}, "" for none
 */
record ClientRequest(long receivedAt, String userAgent, String address, String country) {

    /** The header in which Cloudflare names the client's country. */
    static final String PROXY_COUNTRY = "CF-IPCountry";

    /**
     * @param trustedProxies how many reverse proxies append to {@code X-Forwarded-For}: the entry that many hops
     *                       from the right is the address the outermost trusted proxy saw; with none, the header
     *                       is ignored, since any client can write it; so is {@code CF-IPCountry}, for the
     *                       same reason
     */
    static ClientRequest of(Message message, int trustedProxies) {
        return new ClientRequest(System.currentTimeMillis(), message.getHeader("User-Agent", String.class),
                ClientAddress.of(message, trustedProxies),
                trustedProxies > 0 ? CountryCode.of(message.getHeader(PROXY_COUNTRY, String.class)) : "");
    }
}
