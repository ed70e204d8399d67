package io.trackingsystem.gateway.auth;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.UnsupportedJwtException;

import java.security.Key;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;

/**
 * Verifies access tokens locally. Pinned: the algorithm must be ES256, the type {@code at+jwt}, the key one the
 * user-service published under the token's {@code kid}, the issuer ours; {@code exp}, {@code iat}, {@code sub},
 * {@code jti} and {@code sid} must all be present and sound, and the session not revoked.
 */
final class AccessTokenVerifier {

    /** As the user-service issues them. */
    static final String ISSUER = "tracking-system";
    static final String TYPE = "at+jwt";
    static final String SESSION_CLAIM = "sid";
    static final String ALGORITHM = "ES256";

    /** Tolerated clock difference between the user-service that issued a token and this gateway. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(10);
    /** Longer input is not one of our tokens; refusing it early keeps parsing cheap. */
    private static final int MAX_LENGTH = 4096;

    private final RevokedSessions revoked;
    private final JwtParser parser;

    AccessTokenVerifier(TrustedKeys keys, RevokedSessions revoked) {
        this.revoked = revoked;
        this.parser = Jwts.parser()
                .sig().clear().add(Jwts.SIG.ES256).and()
                .keyLocator(new LocatorAdapter<>() {
                    @Override
                    protected Key locate(JwsHeader header) {
                        if (!ALGORITHM.equals(header.getAlgorithm()) || !TYPE.equals(header.getType())) {
                            throw new UnsupportedJwtException("not an ES256 access token");
                        }
                        return keys.find(header.getKeyId())
                                .orElseThrow(() -> new UnsupportedJwtException("unknown signing key"));
                    }
                })
                .requireIssuer(ISSUER)
                .clockSkewSeconds(CLOCK_SKEW.toSeconds())
                .build();
    }

    /** The token's user and session, or empty for any token that is not a valid, live access token. */
    Optional<VerifiedToken> verify(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Claims claims;
        try {
            claims = parser.parseSignedClaims(token).getPayload();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        String sessionId = claims.get(SESSION_CLAIM) instanceof String sid ? sid : null;
        Date issuedAt = claims.getIssuedAt();
        boolean sound = claims.getExpiration() != null
                && issuedAt != null
                && issuedAt.getTime() <= System.currentTimeMillis() + CLOCK_SKEW.toMillis()
                && notBlank(claims.getSubject())
                && notBlank(claims.getId())
                && notBlank(sessionId);
        if (!sound || revoked.isRevoked(sessionId)) {
            return Optional.empty();
        }
        return Optional.of(new VerifiedToken(claims.getSubject(), sessionId));
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    /** Who a valid token speaks for, and the session it belongs to. */
    record VerifiedToken(String userId, String sessionId) {
    }
}
