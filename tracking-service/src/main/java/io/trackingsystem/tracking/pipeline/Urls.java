package io.trackingsystem.tracking.pipeline;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A lenient URL reader: browsers send URLs that {@link java.net.URI} rejects, and only the host, the path and the
 * query parameters matter here.
 */
final class Urls {

    static final int MAX_PATH = 300;

    record Parts(String host, String path, String query) {
    }

    private Urls() {
    }

    static Parts parse(String url) {
        if (url.isEmpty()) {
            return new Parts("", "", "");
        }
        String rest = url;
        String host = "";
        int scheme = rest.indexOf("://");
        if (scheme > 0 && scheme < 12) {
            rest = rest.substring(scheme + 3);
            int end = firstOf(rest, "/?#");
            host = hostOf(rest.substring(0, end));
            rest = rest.substring(end);
        }
        int fragment = rest.indexOf('#');
        if (fragment >= 0) {
            rest = rest.substring(0, fragment);
        }
        int q = rest.indexOf('?');
        String query = q >= 0 ? rest.substring(q + 1) : "";
        String path = q >= 0 ? rest.substring(0, q) : rest;
        if (path.isEmpty() || path.charAt(0) != '/') {
            path = "/" + path;
        }
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new Parts(host, path.length() > MAX_PATH ? path.substring(0, MAX_PATH) : path, query);
    }

    /** The value of a query parameter, decoded; empty if absent or undecodable. */
    static String parameter(String query, String name) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                try {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return "";
                }
            }
        }
        return "";
    }

    private static String hostOf(String authority) {
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        int port = host.lastIndexOf(':');
        if (port > 0 && host.indexOf(']') < port) {
            host = host.substring(0, port);
        }
        host = host.toLowerCase(Locale.ROOT);
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }
}
