package io.trackingsystem.gateway.auth;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.UnsupportedJwtException;

import java.security.Key;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies access tokens locally. Pinned: the algorithm must be ES256, the type {@code at+jwt}, the key one the
 * user-service published under the token's {@code kid}, the issuer ours; {@code exp}, {@code iat}, {@code sub},
 * {@code jti} and {@code sid} must all be present and sound, and the session not revoked.
 *
 * <p>A signature check costs over a millisecond of CPU, and a dashboard sends the same token with every request,
 * so tokens that passed are remembered (see {@link Verified}). A remembered token still has its expiry, its key and
 * its session checked on every use: only the signature and claim parsing are skipped.
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
    /** Past this many remembered tokens the memory starts afresh, so a flood of valid tokens cannot grow it. */
    static final int MAX_REMEMBERED = 10_000;

    private final TrustedKeys keys;
    private final RevokedSessions revoked;
    private final JwtParser parser;
    private final Map<String, Verified> remembered = new ConcurrentHashMap<>();

    AccessTokenVerifier(TrustedKeys keys, RevokedSessions revoked) {
        this.keys = keys;
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
        Verified verified = remembered.get(token);
        if (verified == null) {
            verified = check(token);
            if (verified == null) {
                return Optional.empty();
            }
            remember(token, verified);
        }
        if (!verified.stillValid(keys, System.currentTimeMillis()) || revoked.isRevoked(verified.token().sessionId())) {
            return Optional.empty();
        }
        return Optional.of(verified.token());
    }

    /** Checks the signature and claims; null for anything but a sound access token. */
    private Verified check(String token) {
        Jws<Claims> jws;
        try {
            jws = parser.parseSignedClaims(token);
        } catch (RuntimeException e) {
            return null;
        }
        Claims claims = jws.getPayload();
        String sessionId = claims.get(SESSION_CLAIM) instanceof String sid ? sid : null;
        Date issuedAt = claims.getIssuedAt();
        boolean sound = claims.getExpiration() != null
                && issuedAt != null
                && issuedAt.getTime() <= System.currentTimeMillis() + CLOCK_SKEW.toMillis()
                && notBlank(claims.getSubject())
                && notBlank(claims.getId())
                && notBlank(sessionId);
        String keyId = jws.getHeader().getKeyId();
        Optional<PublicKey> key = keys.find(keyId);
        if (!sound || key.isEmpty()) {
            return null;
        }
        return new Verified(new VerifiedToken(claims.getSubject(), sessionId), keyId, key.get(),
                claims.getExpiration().getTime());
    }

    private void remember(String token, Verified verified) {
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(token, verified);
    }

    /** How many verified tokens are remembered now. */
    int remembered() {
        return remembered.size();
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    /** Who a valid token speaks for, and the session it belongs to. */
    record VerifiedToken(String userId, String sessionId) {
    }

    /** A token whose signature and claims passed: what it says, the key that signed it, and when it expires. */
    private record Verified(VerifiedToken token, String keyId, PublicKey key, long expiresAt) {

        /** Not expired (within the clock skew), and signed with a key that is still trusted under its id. */
        boolean stillValid(TrustedKeys keys, long now) {
            return now - CLOCK_SKEW.toMillis() <= expiresAt && keys.find(keyId).filter(key::equals).isPresent();
        }
    }
}
