package io.trackingsystem.gateway.stats;

import io.trackingsystem.gateway.access.QueryParameter;
import io.trackingsystem.gateway.access.SiteAccess;
import io.trackingsystem.gateway.auth.BearerAuthentication;
import org.apache.camel.Exchange;

import java.util.Set;
import java.util.StringJoiner;

/**
 * An analytics request travels to the tracking-service as its URL query string, in the body: repeated parameters
 * ({@code filter}, {@code step}) survive as they are, and no HTTP header can pose as a parameter. A token sent as
 * {@code access_token} never travels on, nor does {@code site}: the site read travels as the principal.
 */
final class ForwardedQuery {

    private static final Set<String> WITHHELD = Set.of(BearerAuthentication.QUERY_PARAMETER,
            SiteAccess.SITE_PARAMETER);

    private ForwardedQuery() {
    }

    /** Replaces the body with the request's query string. */
    static void asBody(Exchange exchange) {
        exchange.getMessage().setBody(of(exchange, Set.of()));
    }

    /** The raw query string without the withheld parameters and {@code dropped}. */
    static String of(Exchange exchange, Set<String> dropped) {
        String raw = exchange.getMessage().getHeader(Exchange.HTTP_RAW_QUERY, String.class);
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        StringJoiner kept = new StringJoiner("&");
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (!pair.isEmpty() && !WITHHELD.contains(name) && !dropped.contains(name)) {
                kept.add(pair);
            }
        }
        return kept.toString();
    }

    private static String decode(String text) {
        return QueryParameter.decode(text);
    }
}
