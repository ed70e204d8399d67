package io.trackingsystem.reliability;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.Keys;
import io.trackingsystem.reliability.Api.Account;
import io.trackingsystem.reliability.Api.Response;
import io.trackingsystem.routes.testing.RedisFixture;
import io.trackingsystem.users.tokens.SigningKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forged access tokens against every endpoint that takes one, on the whole product. Each forgery claims the
 * victim's identity; none may pass anywhere, and none may change anything. The gateway's BearerTokenTest checks
 * the verifier rule by rule on {@code /api/me}; this checks that every route really runs it.
 */
class ForgedTokenTest {

    private static final String[] KEY_PAIR = SigningKey.generatePem();
    private static final SigningKey KEY = SigningKey.of(KEY_PAIR[0], KEY_PAIR[1]);
    private static final String[] ATTACKER_PAIR = SigningKey.generatePem();
    private static final SigningKey ATTACKER = SigningKey.of(ATTACKER_PAIR[0], ATTACKER_PAIR[1]);

    private static Product product;
    private static Account victim;
    private static Account mallory;

    @BeforeAll
    static void start() {
        RedisFixture.flush();
        product = Product.on(RedisFixture.url(), Map.of("JWT_PRIVATE_KEY", KEY_PAIR[0], "JWT_PUBLIC_KEY", KEY_PAIR[1]));
        product.userService();
        product.trackingService();
        product.gateway();
        victim = product.api.register();
        mallory = product.api.register();
    }

    @AfterAll
    static void stop() {
        product.close();
    }

    @Test
    void noForgedTokenPassesAnyEndpointOrChangesAnything() {
        Map<String, String> forgeries = forgeries();
        for (Map.Entry<String, String> forgery : forgeries.entrySet()) {
            for (Endpoint endpoint : Endpoint.values()) {
                Response response = endpoint.call(product.api, forgery.getValue());
                assertThat(response.isProblem(401)).as(forgery.getKey() + " on " + endpoint + ": " + response.status())
                        .isTrue();
            }
        }
        Response me = product.api.get("/api/me", victim.accessToken());
        assertThat(me.json().path("name").asText()).isEqualTo("Ada");
        assertThat(product.api.ingest(victim.apiKey(), List.of("{\"eventName\":\"still-mine\"}")).status())
                .as("the victim's key still works").isEqualTo(202);
        assertThat(product.api.post("/api/auth/refresh", Api.json(Map.of("refreshToken", victim.refreshToken())),
                Map.of()).status()).as("the victim's session lives on").isEqualTo(200);
    }

    @Test
    void aGenuineTokenPassesEveryEndpointSoTheRefusalsAreTheForgeries() {
        String genuine = token(b -> b);
        for (Endpoint endpoint : Endpoint.values()) {
            if (endpoint != Endpoint.ROTATE_API_KEY && endpoint != Endpoint.LOGOUT) {
                assertThat(endpoint.call(product.api, genuine).status()).as(endpoint.name()).isBetween(200, 299);
            }
        }
    }

    private static Map<String, String> forgeries() {
        String realPayload = victim.accessToken().split("\\.")[1];
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("alg none", unsigned("none", realPayload) + ".");
        forged.put("alg none without a signature part", unsigned("none", realPayload));
        forged.put("alg None", unsigned("None", realPayload) + ".");
        forged.put("HS256 keyed with the public key", token(b -> b.signWith(
                Keys.hmacShaKeyFor(KEY.publicKey().getEncoded()), Jwts.SIG.HS256)));
        forged.put("HS256 keyed with the public key's PEM", token(b -> b.signWith(
                Keys.hmacShaKeyFor(KEY.publicPem().getBytes(StandardCharsets.UTF_8)), Jwts.SIG.HS256)));
        forged.put("expired", token(b -> b.issuedAt(Date.from(Instant.now().minus(Duration.ofHours(2))))
                .expiration(Date.from(Instant.now().minus(Duration.ofHours(1))))));
        forged.put("issued in the future", token(b -> b.issuedAt(Date.from(Instant.now().plusSeconds(3600)))));
        forged.put("wrong issuer", token(b -> b.issuer("https://issuer.evil.example")));
        forged.put("no issuer", token(b -> b.issuer(null)));
        forged.put("not an access token", token(b -> b.header().type("JWT").and()));
        String[] own = mallory.accessToken().split("\\.");
        forged.put("own token with the victim's id written in", own[0] + "." + base64(new String(
                Base64.getUrlDecoder().decode(own[1]), StandardCharsets.UTF_8).replace(mallory.id(), victim.id()))
                + "." + own[2]);
        forged.put("signed by another key under our key id", token(b -> b.signWith(ATTACKER.privateKey(),
                Jwts.SIG.ES256)));
        forged.put("signed by another key shipped in the header", token(b -> b.header()
                .jwk(Jwks.builder().key(ATTACKER.publicKey()).build()).keyId(ATTACKER.keyId()).and()
                .signWith(ATTACKER.privateKey(), Jwts.SIG.ES256)));
        forged.put("key id naming a file", token(b -> b.header().keyId("../../../../etc/passwd").and()
                .signWith(ATTACKER.privateKey(), Jwts.SIG.ES256)));
        forged.put("all-zero ECDSA signature", token(b -> b).replaceAll("\\.[^.]+$", "." + Base64.getUrlEncoder()
                .withoutPadding().encodeToString(new byte[64])));
        forged.put("no signature", token(b -> b).replaceAll("\\.[^.]+$", "."));
        return forged;
    }

    /** A token like the user-service issues for the victim, signed with its key, changed by {@code change}. */
    private static String token(UnaryOperator<JwtBuilder> change) {
        Instant now = Instant.now();
        JwtBuilder builder = Jwts.builder()
                .header().keyId(KEY.keyId()).type("at+jwt").and()
                .issuer("tracking-system")
                .subject(victim.id())
                .id(UUID.randomUUID().toString())
                .claim("sid", "AAAAAAAAAAAAAAAAAAAAAA")
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plusSeconds(600)))
                .signWith(KEY.privateKey(), Jwts.SIG.ES256);
        return change.apply(builder).compact();
    }

    private static String unsigned(String algorithm, String payload) {
        return base64("{\"alg\":\"" + algorithm + "\",\"typ\":\"at+jwt\",\"kid\":\"" + KEY.keyId() + "\"}") + "."
                + payload;
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Every route that acts for the holder of an access token. */
    private enum Endpoint {
        ME("GET", "/api/me", null),
        UPDATE_ME("PATCH", "/api/me", "{\"name\":\"Mallory\"}"),
        ROTATE_API_KEY("POST", "/api/me/api-key", "{}"),
        LOGOUT("POST", "/api/auth/logout", null),
        OVERVIEW("GET", "/api/stats/overview", null),
        TIMESERIES("GET", "/api/stats/timeseries", null),
        BREAKDOWN("GET", "/api/stats/breakdown?dimension=page", null),
        REALTIME("GET", "/api/stats/realtime", null),
        FUNNEL("GET", "/api/stats/funnel?step=pageview:/&step=pageview:/b", null),
        RETENTION("GET", "/api/stats/retention", null),
        EVENTS("GET", "/api/events", null),
        EXPORT("GET", "/api/export?dataset=events", null),
        LIVE("GET", "/api/live", null),
        LIVE_BY_QUERY("GET", "/api/live?access_token=", null);

        private final String method;
        private final String path;
        private final String body;

        Endpoint(String method, String path, String body) {
            this.method = method;
            this.path = path;
            this.body = body;
        }

        Response call(Api api, String token) {
            if (this == LIVE_BY_QUERY) {
                return api.sendForHead(HttpRequest.newBuilder(api.uri(path
                        + URLEncoder.encode(token, StandardCharsets.UTF_8))).GET());
            }
            String sent = this == LOGOUT ? Api.json(Map.of("refreshToken", victim.refreshToken())) : body;
            HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .method(method, sent == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(sent));
            return this == LIVE ? api.sendForHead(request) : api.send(request);
        }
    }
}
