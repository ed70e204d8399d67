package io.trackingsystem.gateway.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackingsystem.gateway.auth.ApiKeyCache;
import io.trackingsystem.routes.contract.KeyFormat;
import io.trackingsystem.routes.problem.ProblemException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.AsyncProcessorSupport;

import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * {@code GET /v1/projects/{writeKey}/settings}: the settings Segment's CDN would serve a source, reduced to what
 * analytics.js (loaded with {@code cdnURL} set to this gateway), analytics-swift and analytics-kotlin need: the
 * Segment.io destination, pointed back at this gateway's {@code /v1}, with no other destination, middleware or
 * remote plugin, and the library's own metrics off. Unknown keys get 404.
 *
 * <p>The host is the one the request was sent to; the scheme is {@code http}, the gateway's own, unless a trusted
 * proxy ({@code TRUSTED_PROXIES}) says in {@code X-Forwarded-Proto} that it terminated https.
 */
final class SegmentSettings extends AsyncProcessorSupport {

    static final String KEY_HEADER = "writeKey";
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\[\\]-]{1,255}");
    private static final long RETRY_KEYS_SECONDS = 2;

    private final ApiKeyCache keys;
    private final int trustedProxies;

    SegmentSettings(ApiKeyCache keys, int trustedProxies) {
        this.keys = keys;
        this.trustedProxies = trustedProxies;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        return AsyncAnswer.complete(exchange, callback, this::settings, SegmentSettings::answer,
                SegmentFormat::withCodeAndMessage);
    }

    private CompletionStage<String> settings(Message request) {
        String key = KeyFormat.canonical(request.getHeader(KEY_HEADER, String.class)).filter(KeyFormat::isWriteKey)
                .orElseThrow(SegmentSettings::unknown);
        String host = request.getHeader("Host", String.class);
        if (host == null || !HOST.matcher(host).matches()) {
            throw ProblemException.badRequest("The Host header must name this gateway");
        }
        String scheme = scheme(request);
        return keys.accountFor(key).handle((site, failure) -> {
            if (failure != null) {
                throw ProblemException.unavailable("API keys cannot be checked right now", RETRY_KEYS_SECONDS);
            }
            site.orElseThrow(SegmentSettings::unknown);
            return settings(key, host + "/v1", scheme);
        });
    }

    private String scheme(Message request) {
        String forwarded = trustedProxies > 0 ? request.getHeader("X-Forwarded-Proto", String.class) : null;
        String first = forwarded == null ? "" : forwarded.split(",")[0].strip().toLowerCase(Locale.ROOT);
        return first.equals("https") ? "https" : "http";
    }

    static String settings(String writeKey, String apiHost, String protocol) {
        ObjectNode settings = JsonBody.JSON.createObjectNode();
        ObjectNode segment = settings.putObject("integrations").putObject("Segment.io");
        segment.put("apiKey", writeKey);
        segment.put("apiHost", apiHost);
        segment.put("protocol", protocol);
        segment.put("addBundledMetadata", false);
        segment.putArray("unbundledIntegrations");
        settings.putObject("plan");
        settings.putObject("edgeFunction");
        settings.putObject("middlewareSettings");
        settings.putObject("enabledMiddleware");
        settings.putObject("metrics").put("sampleRate", 0);
        settings.putArray("remotePlugins");
        settings.put("legacyVideoPluginsEnabled", false);
        return settings.toString();
    }

    private static void answer(Message message, String settings) {
        message.getHeaders().clear();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader("Cache-Control", "public, max-age=60");
        message.setBody(settings);
    }

    private static ProblemException unknown() {
        return ProblemException.notFound("No source has this write key");
    }
}
