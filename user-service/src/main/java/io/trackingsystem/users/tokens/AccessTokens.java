package io.trackingsystem.users.tokens;

import io.jsonwebtoken.Jwts;
import io.trackingsystem.users.Secrets;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Issues access tokens: ES256 JWTs typed {@code at+jwt} (RFC 9068) whose subject is the user and whose {@code sid}
 * names the login session they belong to, so revoking a session revokes them.
 */
public final class AccessTokens {

    public static final String ISSUER = "tracking-system";
    public static final String TYPE = "at+jwt";
    public static final String SESSION_CLAIM = "sid";

    private final SigningKey key;
    private final Duration ttl;

    public AccessTokens(SigningKey key, Duration ttl) {
        this.key = key;
        this.ttl = ttl;
    }

    public String issue(String userId, String sessionId) {
        Instant now = Instant.now();
        return Jwts.builder()
                .header().keyId(key.keyId()).type(TYPE).and()
                .issuer(ISSUER)
                .subject(userId)
                .id(Secrets.random(16))
                .claim(SESSION_CLAIM, sessionId)
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(ttl)))
                .signWith(key.privateKey(), Jwts.SIG.ES256)
                .compact();
    }

    public Duration ttl() {
        return ttl;
    }
}
