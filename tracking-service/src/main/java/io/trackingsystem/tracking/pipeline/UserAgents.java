package io.trackingsystem.tracking.pipeline;

import ua_parser.Client;
import ua_parser.Parser;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses user agents with uap-java. Building its parser compiles hundreds of regular expressions, so the JVM
 * builds it once; parsing is slow too, so recent results are kept in a small LRU cache (real traffic repeats a
 * few thousand user agents).
 *
 * <p>HTTP client libraries are servers posting events, not visitors' browsers and not crawlers, whatever uap-java
 * says (it calls {@code Python-urllib} and {@code Java} spiders): they get no browser, OS or device. A sender that
 * knows its visitor's browser names it in the event, and that user agent is the one parsed here.
 */
public final class UserAgents {

    /** What the pipeline needs from a user agent. */
    public record ClientInfo(String browser, String os, String device, boolean spider) {
        static final ClientInfo UNKNOWN = new ClientInfo("", "", "", false);
    }

    private static final Pattern TABLET = Pattern.compile(
            "(?i)ipad|tablet|kindle|silk|playbook|nexus (7|9|10)|sm-t\\d|\\btab\\b");
    private static final Pattern MOBILE_OS = Pattern.compile(
            "(?i)ios|android|windows phone|blackberry|kaios|firefox os|symbian|tizen");
    /** The user agents HTTP client libraries send by default, from their start; documented in docs/data-model.md. */
    static final String SERVER_LIBRARIES = "python-urllib|python-requests|python-httpx|aiohttp|urllib3|curl|wget"
            + "|okhttp|java|apache-httpclient|jetty|node-fetch|undici|node|axios|got|go-http-client|ruby|faraday"
            + "|httparty|rest-client|guzzlehttp|guzzle|php|libwww-perl|dart|dotnet|restsharp|postmanruntime"
            + "|insomnia|httpie|analytics-[a-z]+|rudder[a-z-]*|segment[a-z-]*";
    private static final Pattern SERVER = Pattern.compile("(?i)(" + SERVER_LIBRARIES + ")([/ _(;-]|$)");

    private final Map<String, ClientInfo> cache;

    public UserAgents(int cacheSize) {
        this.cache = new LinkedHashMap<>(Math.min(cacheSize, 1024) * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ClientInfo> eldest) {
                return size() > cacheSize;
            }
        };
    }

    public ClientInfo parse(String userAgent) {
        if (userAgent.isEmpty()) {
            return ClientInfo.UNKNOWN;
        }
        synchronized (cache) {
            ClientInfo known = cache.get(userAgent);
            if (known != null) {
                return known;
            }
        }
        ClientInfo parsed = isServerLibrary(userAgent) ? ClientInfo.UNKNOWN
                : describe(userAgent, Holder.PARSER.parse(userAgent));
        synchronized (cache) {
            cache.put(userAgent, parsed);
        }
        return parsed;
    }

    private static ClientInfo describe(String userAgent, Client client) {
        String deviceFamily = client.device == null ? "Other" : client.device.family;
        String os = client.os == null ? "Other" : client.os.family;
        String browser = client.userAgent == null ? "Other" : client.userAgent.family;
        boolean spider = "Spider".equals(deviceFamily);
        return new ClientInfo(browser, os, deviceType(userAgent, deviceFamily, os), spider);
    }

    static boolean isServerLibrary(String userAgent) {
        return SERVER.matcher(userAgent).lookingAt();
    }

    /** uap names device models, not kinds, so the kind is read from the model, the OS and the agent's own hints. */
    static String deviceType(String userAgent, String deviceFamily, String os) {
        String lower = userAgent.toLowerCase(Locale.ROOT);
        if (TABLET.matcher(deviceFamily).find() || lower.contains("ipad") || lower.contains("tablet")
                || (os.equals("Android") && !lower.contains("mobile"))) {
            return "tablet";
        }
        if (MOBILE_OS.matcher(os).find() || lower.contains("mobi")) {
            return "mobile";
        }
        return "desktop";
    }

    /** Loaded on first use, once per JVM, however many services run in it. */
    private static final class Holder {
        static final Parser PARSER = new Parser();
    }
}
