package io.trackingsystem.routes.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Encryption of a request for whichever live replica reads it: the content is encrypted once with a fresh AES-256
 * key (GCM), and that key is wrapped for each replica's X25519 public key with a key derived (HKDF-SHA256) from an
 * agreement with one ephemeral key pair. Only a replica holding one of the private halves, which never leave its
 * memory, can open the box; the clear fields of the request are bound as associated data, so none of them can be
 * changed without the box failing to open.
 */
final class SealedBox {

    static final String ALGORITHM = "X25519";
    private static final byte[] INFO = "tracking-system sealed request v1".getBytes(StandardCharsets.US_ASCII);
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Each wrapping key is used once, for one ephemeral key and one recipient, so one fixed nonce is safe. */
    private static final byte[] WRAP_NONCE = new byte[NONCE_BYTES];
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();

    /** A replica's advertised public key. */
    record Recipient(String keyId, PublicKey key) {
    }

    private SealedBox() {
    }

    static KeyPair newKeyPair() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM since 11 has X25519", e);
        }
    }

    static String encode(PublicKey key) {
        return B64.encodeToString(key.getEncoded());
    }

    static PublicKey decodePublic(String text) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(UNB64.decode(text)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an X25519 public key");
        }
    }

    /** The box, as JSON text, that any of {@code recipients} can open. */
    static String seal(byte[] content, byte[] associated, List<Recipient> recipients) {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a box needs at least one recipient");
        }
        try {
            byte[] contentKey = random(KEY_BYTES);
            byte[] nonce = random(NONCE_BYTES);
            KeyPair ephemeral = newKeyPair();
            byte[] ephemeralPublic = ephemeral.getPublic().getEncoded();
            ObjectNode box = JSON.createObjectNode()
                    .put("e", B64.encodeToString(ephemeralPublic))
                    .put("n", B64.encodeToString(nonce))
                    .put("c", B64.encodeToString(gcm(Cipher.ENCRYPT_MODE, contentKey, nonce, associated, content)));
            ObjectNode wrapped = box.putObject("k");
            for (Recipient recipient : recipients) {
                byte[] wrapKey = wrappingKey(ephemeral.getPrivate(), recipient.key(), ephemeralPublic,
                        recipient.key().getEncoded());
                wrapped.put(recipient.keyId(), B64.encodeToString(gcm(Cipher.ENCRYPT_MODE, wrapKey, WRAP_NONCE,
                        recipient.keyId().getBytes(StandardCharsets.UTF_8), contentKey)));
            }
            return box.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    /** The content, when one of the box's recipients is a key pair in {@code ownKeys} and nothing was changed. */
    static Optional<byte[]> open(String text, byte[] associated, Function<String, Optional<KeyPair>> ownKeys) {
        try {
            JsonNode box = JSON.readTree(text);
            byte[] ephemeralPublic = UNB64.decode(box.path("e").asText());
            PublicKey ephemeral = KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(ephemeralPublic));
            for (Iterator<Map.Entry<String, JsonNode>> it = box.path("k").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> wrapped = it.next();
                Optional<KeyPair> own = ownKeys.apply(wrapped.getKey());
                if (own.isPresent()) {
                    byte[] wrapKey = wrappingKey(own.get().getPrivate(), ephemeral, ephemeralPublic,
                            own.get().getPublic().getEncoded());
                    byte[] contentKey = gcm(Cipher.DECRYPT_MODE, wrapKey, WRAP_NONCE,
                            wrapped.getKey().getBytes(StandardCharsets.UTF_8),
                            UNB64.decode(wrapped.getValue().asText()));
                    return Optional.of(gcm(Cipher.DECRYPT_MODE, contentKey, UNB64.decode(box.path("n").asText()),
                            associated, UNB64.decode(box.path("c").asText())));
                }
            }
            return Optional.empty();
        } catch (GeneralSecurityException | IllegalArgumentException | java.io.IOException e) {
            return Optional.empty();
        }
    }

    /**
     * HKDF-SHA256 (RFC 5869) of the X25519 agreement, salted with both public keys so that a wrapping key belongs
     * to exactly one ephemeral key and one recipient. One block of output is all AES-256 needs.
     */
    private static byte[] wrappingKey(PrivateKey own, PublicKey other, byte[] ephemeralPublic,
                                      byte[] recipientPublic) throws GeneralSecurityException {
        KeyAgreement agreement = KeyAgreement.getInstance(ALGORITHM);
        agreement.init(own);
        agreement.doPhase(other, true);
        Mac extract = Mac.getInstance("HmacSHA256");
        extract.init(new SecretKeySpec(concat(ephemeralPublic, recipientPublic), "HmacSHA256"));
        byte[] pseudoRandom = extract.doFinal(agreement.generateSecret());
        Mac expand = Mac.getInstance("HmacSHA256");
        expand.init(new SecretKeySpec(pseudoRandom, "HmacSHA256"));
        expand.update(INFO);
        expand.update((byte) 1);
        return expand.doFinal();
    }

    private static byte[] gcm(int mode, byte[] key, byte[] nonce, byte[] associated, byte[] input)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associated);
        return cipher.doFinal(input);
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return value;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
