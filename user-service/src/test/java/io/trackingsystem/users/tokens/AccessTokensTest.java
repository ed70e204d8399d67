package io.trackingsystem.users.tokens;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTokensTest {

    private final String[] pair = SigningKey.generatePem();
    private final SigningKey key = SigningKey.of(pair[0], pair[1]);
    private final AccessTokens tokens = new AccessTokens(key, Duration.ofMinutes(15));

    @Test
    void issuesAnEs256AccessTokenForUserAndSession() {
        Jws<Claims> token = Jwts.parser().verifyWith(key.publicKey()).build()
                .parseSignedClaims(tokens.issue("user-1", "session-1"));

        assertThat(token.getHeader().getAlgorithm()).isEqualTo("ES256");
        assertThat(token.getHeader().getType()).isEqualTo("at+jwt");
        assertThat(token.getHeader().getKeyId()).isEqualTo(key.keyId());
        Claims claims = token.getPayload();
        assertThat(claims.getIssuer()).isEqualTo("tracking-system");
        assertThat(claims.getSubject()).isEqualTo("user-1");
        assertThat(claims.get("sid", String.class)).isEqualTo("session-1");
        assertThat(Base64.getUrlDecoder().decode(claims.getId())).hasSize(16);
        assertThat(claims.getExpiration().getTime() - claims.getIssuedAt().getTime())
                .isEqualTo(Duration.ofMinutes(15).toMillis());
    }

    @Test
    void givesEveryTokenItsOwnId() {
        String one = tokens.issue("user-1", "session-1");
        String other = tokens.issue("user-1", "session-1");

        assertThat(Jwts.parser().verifyWith(key.publicKey()).build().parseSignedClaims(one).getPayload().getId())
                .isNotEqualTo(Jwts.parser().verifyWith(key.publicKey()).build().parseSignedClaims(other)
                        .getPayload().getId());
    }
}
