package io.trackingsystem.gateway.auth;

import io.jsonwebtoken.Jwts;
import io.trackingsystem.users.tokens.SigningKey;
import org.junit.jupiter.api.Test;

import java.util.Date;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token that passed once is remembered, so its signature is not checked again; everything that can change
 * after that (revocation, the trusted keys, expiry) is still checked on every use.
 */
class AccessTokenVerifierTest {

    private final SigningKey key = newKey();
    private final TrustedKeys keys = new TrustedKeys();
    private final RevokedSessions revoked = new RevokedSessions();
    private final AccessTokenVerifier verifier = new AccessTokenVerifier(keys, revoked);

    AccessTokenVerifierTest() {
        keys.replaceWith(Map.of(key.keyId(), key.publicPem()));
    }

    @Test
    void remembersATokenThatPassedAndStillAnswersForIt() {
        String token = token("s1", System.currentTimeMillis() + 60_000);

        assertThat(verifier.verify(token)).hasValueSatisfying(v -> assertThat(v.sessionId()).isEqualTo("s1"));
        assertThat(verifier.verify(token)).hasValueSatisfying(v -> assertThat(v.userId()).isEqualTo("user-1"));
        assertThat(verifier.remembered()).isEqualTo(1);
    }

    @Test
    void refusesARememberedTokenOnceItsSessionIsRevoked() {
        String token = token("s2", System.currentTimeMillis() + 60_000);
        assertThat(verifier.verify(token)).isPresent();

        revoked.revoke("s2", System.currentTimeMillis() + 60_000);

        assertThat(verifier.verify(token)).isEmpty();
    }

    @Test
    void refusesARememberedTokenOnceItsKeyIsNoLongerTrusted() {
        String token = token("s3", System.currentTimeMillis() + 60_000);
        assertThat(verifier.verify(token)).isPresent();

        keys.replaceWith(Map.of(newKey().keyId(), newKey().publicPem()));

        assertThat(verifier.verify(token)).isEmpty();
    }

    @Test
    void refusesARememberedTokenOnceItExpires() throws Exception {
        // expired 9 s ago: still inside the 10 s clock skew, but not for long
        String token = token("s4", System.currentTimeMillis() - 9_000);
        assertThat(verifier.verify(token)).isPresent();

        Thread.sleep(1_500);

        assertThat(verifier.verify(token)).isEmpty();
    }

    @Test
    void neverRemembersWhatFailed() {
        String token = token("s5", System.currentTimeMillis() + 60_000);
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertThat(verifier.verify(tampered)).isEmpty();
        assertThat(verifier.verify(tampered)).isEmpty();
        assertThat(verifier.remembered()).isZero();
        assertThat(verifier.verify(token)).isPresent();
    }

    private String token(String sessionId, long expiresAt) {
        long now = System.currentTimeMillis();
        return Jwts.builder().header().keyId(key.keyId()).type(AccessTokenVerifier.TYPE).and()
                .issuer(AccessTokenVerifier.ISSUER).subject("user-1").id(UUID.randomUUID().toString())
                .claim(AccessTokenVerifier.SESSION_CLAIM, sessionId)
                .issuedAt(new Date(Math.min(now, expiresAt - 1000))).expiration(new Date(expiresAt))
                .signWith(key.privateKey(), Jwts.SIG.ES256).compact();
    }

    private static SigningKey newKey() {
        String[] pem = SigningKey.generatePem();
        return SigningKey.of(pem[0], pem[1]);
    }
}
