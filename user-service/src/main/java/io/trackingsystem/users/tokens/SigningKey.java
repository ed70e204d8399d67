package io.trackingsystem.users.tokens;

import io.jsonwebtoken.Jwts;
import io.trackingsystem.users.UserServiceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The EC P-256 key pair that signs access tokens (ES256). Its id is a digest of the public key, so every replica
 * holding the same pair names it alike, and gateways can tell a new pair from an old one.
 */
public record SigningKey(String keyId, PrivateKey privateKey, PublicKey publicKey, String publicPem) {

    /** The replica's key in its Camel registry, for checks that it is nowhere else. */
    public static final String BEAN = "accessTokenSigningKey";
    private static final Logger LOG = LoggerFactory.getLogger(SigningKey.class);

    /**
     * The configured pair, or else one generated for this replica alone, kept only in its memory: a private key
     * is never stored. Gateways trust every replica's published public key, so tokens of one replica pass
     * everywhere, and after that replica stops.
     */
    public static SigningKey from(UserServiceConfig config) {
        if (config.jwtPrivateKey().isPresent() && config.jwtPublicKey().isPresent()) {
            return of(config.jwtPrivateKey().get(), config.jwtPublicKey().get());
        }
        String[] pair = generatePem();
        SigningKey key = of(pair[0], pair[1]);
        LOG.info("No JWT_PRIVATE_KEY/JWT_PUBLIC_KEY given: signing with key {}, generated for this replica and kept "
                + "in memory only", key.keyId());
        return key;
    }

    /** Parses and checks a PEM pair: PKCS#8 private key, X.509 public key, the two halves of one P-256 pair. */
    public static SigningKey of(String privatePem, String publicPem) {
        PrivateKey privateKey;
        PublicKey publicKey;
        try {
            KeyFactory ec = KeyFactory.getInstance("EC");
            privateKey = ec.generatePrivate(new PKCS8EncodedKeySpec(der(privatePem)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("JWT_PRIVATE_KEY is not a PEM EC private key in PKCS#8");
        }
        try {
            publicKey = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der(publicPem)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("JWT_PUBLIC_KEY is not a PEM EC public key in X.509");
        }
        SigningKey key = new SigningKey(keyIdOf(publicKey), privateKey, publicKey, pem(publicKey));
        key.checkPair();
        return key;
    }

    /** Generates a P-256 pair as PEM: PKCS#8 private, X.509 public. */
    public static String[] generatePem() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            return new String[]{pem("PRIVATE KEY", pair.getPrivate().getEncoded()), pem(pair.getPublic())};
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JVM cannot generate EC P-256 keys", e);
        }
    }

    /** Keys are secrets; their text never reaches a log. */
    @Override
    public String toString() {
        return "SigningKey[" + keyId + "]";
    }

    /** Signing with one half and verifying with the other proves they belong together and suit ES256. */
    private void checkPair() {
        try {
            String probe = Jwts.builder().subject("probe").signWith(privateKey, Jwts.SIG.ES256).compact();
            Jwts.parser().verifyWith(publicKey).build().parseSignedClaims(probe);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "JWT_PRIVATE_KEY and JWT_PUBLIC_KEY are not the two halves of one EC P-256 key pair");
        }
    }

    private static byte[] der(String pem) {
        String body = pem.replace("\\n", "\n").replaceAll("-----(BEGIN|END) [A-Z ]+-----", "")
                .replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static String keyIdOf(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String pem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
