package io.trackingsystem.gateway.auth;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import io.trackingsystem.gateway.auth.AuthSystem.Session;
import io.trackingsystem.routes.messaging.Messaging;
import io.trackingsystem.routes.problem.ProblemException;
import io.trackingsystem.users.tokens.SigningKey;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the gateway accepts as an access token. Tokens here are signed with the user-service's own key unless a
 * test says otherwise, so each refusal is down to the one thing the test changed.
 */
class BearerTokenTest extends AuthSystemTest {

    private static Session account;

    @BeforeAll
    static void register() {
        account = system.register();
    }

    @Test
    void acceptsATokenMadeLikeTheUserServiceMakesThem() {
        assertThat(status(token(b -> b))).isEqualTo(200);
        assertThat(system.send("GET", "/api/me", null, null, Map.of("Authorization", "bearer " + token(b -> b)))
                .status())
                .as("the scheme is case-insensitive").isEqualTo(200);
    }

    @Test
    void refusesATokenWhosePayloadWasChanged() {
        Session other = system.register();
        String[] parts = account.accessToken().split("\\.");
        String[] foreign = other.accessToken().split("\\.");

        assertThat(status(parts[0] + "." + foreign[1] + "." + parts[2])).isEqualTo(401);
    }

    @Test
    void refusesAnUnsignedToken() {
        String header = base64("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + system.key.keyId() + "\"}");
        String payload = account.accessToken().split("\\.")[1];

        assertThat(status(header + "." + payload + ".")).isEqualTo(401);
        assertThat(status(header + "." + payload)).isEqualTo(401);
    }

    @Test
    void refusesAnExpiredToken() {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        String expired = token(b -> b.issuedAt(Date.from(past)).expiration(Date.from(past.plusSeconds(3600))));

        assertThat(status(expired)).isEqualTo(401);
    }

    @Test
    void refusesATokenSignedWithAnotherKey() {
        String[] pair = SigningKey.generatePem();
        SigningKey stranger = SigningKey.of(pair[0], pair[1]);

        String sameKeyId = token(b -> b.signWith(stranger.privateKey(), Jwts.SIG.ES256));
        String ownKeyId = token(b -> b.header().keyId(stranger.keyId()).and()
                .signWith(stranger.privateKey(), Jwts.SIG.ES256));

        assertThat(status(sameKeyId)).isEqualTo(401);
        assertThat(status(ownKeyId)).isEqualTo(401);
    }

    @Test
    void refusesAnHmacTokenKeyedWithThePublicKey() {
        byte[] publicKey = system.key.publicKey().getEncoded();

        String confused = token(b -> b.signWith(Keys.hmacShaKeyFor(publicKey), Jwts.SIG.HS256));

        assertThat(status(confused)).isEqualTo(401);
    }

    @Test
    void refusesTokensMissingARequiredClaim() {
        assertThat(status(token(b -> b.id(null)))).as("jti").isEqualTo(401);
        assertThat(status(token(b -> b.claim("sid", null)))).as("sid").isEqualTo(401);
        assertThat(status(token(b -> b.issuedAt(null)))).as("iat").isEqualTo(401);
        assertThat(status(token(b -> b.expiration(null)))).as("exp").isEqualTo(401);
        assertThat(status(token(b -> b.subject(null)))).as("sub").isEqualTo(401);
    }

    @Test
    void refusesTokensOfAnotherTypeOrIssuer() {
        assertThat(status(token(b -> b.header().type("JWT").and()))).isEqualTo(401);
        assertThat(status(token(b -> b.issuer("someone-else")))).isEqualTo(401);
        assertThat(status(token(b -> b.issuedAt(Date.from(Instant.now().plusSeconds(600))))))
                .as("issued in the future").isEqualTo(401);
    }

    @Test
    void takesATokenFromTheQueryOnlyOnTheLiveStream() throws Exception {
        String token = token(b -> b);
        assertThat(system.get("/api/me?access_token=" + token, null).status()).isEqualTo(401);

        Exchange live = request("/api/live", token);
        BearerAuthentication.in(system.gateway.context()).process(live);
        assertThat(live.getProperty(Messaging.PRINCIPAL)).isEqualTo(account.userId());
        assertThat(live.getMessage().getHeader(BearerAuthentication.QUERY_PARAMETER))
                .as("the token goes no further").isNull();

        Exchange elsewhere = request("/api/stats/overview", token);
        assertThatThrownBy(() -> BearerAuthentication.in(system.gateway.context()).process(elsewhere))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(401));
    }

    private static Exchange request(String path, String queryToken) {
        Exchange exchange = new DefaultExchange(system.gateway.context());
        exchange.getMessage().setHeader(Exchange.HTTP_PATH, path);
        exchange.getMessage().setHeader(BearerAuthentication.QUERY_PARAMETER, queryToken);
        return exchange;
    }

    private static int status(String token) {
        return system.get("/api/me", token).status();
    }

    /** A token as the user-service would issue it for the test account, changed by {@code change}. */
    private static String token(UnaryOperator<JwtBuilder> change) {
        Instant now = Instant.now();
        JwtBuilder builder = Jwts.builder()
                .header().keyId(system.key.keyId()).type("at+jwt").and()
                .issuer("tracking-system")
                .subject(account.userId())
                .id(UUID.randomUUID().toString())
                .claim("sid", "AAAAAAAAAAAAAAAAAAAAAA")
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plusSeconds(600)))
                .signWith(system.privateKey(), Jwts.SIG.ES256);
        return change.apply(builder).compact();
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
