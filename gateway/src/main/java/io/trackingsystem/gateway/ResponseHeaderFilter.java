package io.trackingsystem.gateway;

import org.apache.camel.http.base.HttpHeaderFilterStrategy;

/**
 * Camel's HTTP header filter, except that {@code Cache-Control} reaches clients: token answers say
 * {@code no-store} and hashed dashboard assets say {@code immutable}.
 */
final class ResponseHeaderFilter extends HttpHeaderFilterStrategy {

    ResponseHeaderFilter() {
        getOutFilter().remove("cache-control");
    }
}
