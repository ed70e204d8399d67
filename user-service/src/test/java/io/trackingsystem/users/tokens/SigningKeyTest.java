package io.trackingsystem.users.tokens;

import io.trackingsystem.routes.config.Env;
import io.trackingsystem.users.UserServiceConfig;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeyTest {

    @Test
    void readsAPemPairAndNamesItByItsPublicKey() {
        String[] pair = SigningKey.generatePem();

        SigningKey key = SigningKey.of(pair[0], pair[1]);

        assertThat(key.keyId()).hasSize(16);
        assertThat(key.publicPem()).isEqualTo(pair[1]);
        assertThat(SigningKey.of(pair[0], pair[1]).keyId()).isEqualTo(key.keyId());
        assertThat(key.toString()).doesNotContain(pair[0].lines().skip(1).findFirst().orElseThrow());
    }

    @Test
    void acceptsPemWithEscapedNewlinesAsSomeEnvironmentsPassThem() {
        String[] pair = SigningKey.generatePem();

        SigningKey key = SigningKey.of(pair[0].replace("\n", "\\n"), pair[1].replace("\n", "\\n"));

        assertThat(key.publicPem()).isEqualTo(pair[1]);
    }

    @Test
    void refusesHalvesOfTwoDifferentPairs() {
        String[] one = SigningKey.generatePem();
        String[] other = SigningKey.generatePem();

        assertThatThrownBy(() -> SigningKey.of(one[0], other[1]))
                .hasMessageContaining("two halves")
                .hasMessageNotContaining(one[0].lines().skip(1).findFirst().orElseThrow());
    }

    @Test
    void refusesKeysOnAnotherCurve() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPair pair = generator.generateKeyPair();

        assertThatThrownBy(() -> SigningKey.of(pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
                pem("PUBLIC KEY", pair.getPublic().getEncoded())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesTextThatIsNoKey() {
        String[] pair = SigningKey.generatePem();

        assertThatThrownBy(() -> SigningKey.of("not a key", pair[1])).hasMessageContaining("JWT_PRIVATE_KEY");
        assertThatThrownBy(() -> SigningKey.of(pair[0], "not a key")).hasMessageContaining("JWT_PUBLIC_KEY");
    }

    @Test
    void withoutConfiguredKeysEachReplicaSignsWithAPairOfItsOwn() {
        UserServiceConfig config = UserServiceConfig.from(Env.of(Map.of()));

        SigningKey one = SigningKey.from(config);
        SigningKey other = SigningKey.from(config);

        assertThat(other.keyId()).isNotEqualTo(one.keyId());
    }

    @Test
    void configuredKeysAreTheSameOnEveryReplica() {
        String[] pair = SigningKey.generatePem();
        UserServiceConfig config = UserServiceConfig.from(Env.of(Map.of("JWT_PRIVATE_KEY", pair[0],
                "JWT_PUBLIC_KEY", pair[1])));

        assertThat(SigningKey.from(config).keyId()).isEqualTo(SigningKey.from(config).keyId())
                .isEqualTo(SigningKey.of(pair[0], pair[1]).keyId());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
