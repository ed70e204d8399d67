package io.trackingsystem.reliability;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;
import io.trackingsystem.reliability.SecretFlows.Flow;
import io.trackingsystem.reliability.SecretFlows.Journey;
import io.trackingsystem.routes.runtime.CamelService;
import io.trackingsystem.routes.testing.PersistentRedis;
import io.trackingsystem.routes.testing.PersistentRedis.PersistedFile;
import io.trackingsystem.users.tokens.SigningKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.interfaces.ECPrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No secret rests in Redis: after every flow of {@link SecretFlows}, on a Redis that writes every command to its
 * append-only file and then a snapshot, neither those files nor any key, field, member or stream entry holds a
 * password, token, API key or private key. Pub/sub, which carries the replies, is never persisted: the tokens and
 * keys in the replies of these flows would be found here otherwise.
 */
class SecretsAtRestTest {

    /** PKCS#8 openings of an X25519 and of an EC P-256 private key, in base64: any such key, whoever made it. */
    private static final List<String> PRIVATE_KEY_MARKERS = List.of("PRIVATE KEY", "MC4CAQAwBQYDK2VuBCIEI",
            "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg");
    /**
     * API keys are still kept in the clear in their account's hash, field {@code apiKey}, so that the owner can
     * copy them again. That one place is allowed, and no other: in a file, a key must follow the field's name.
     */
    private static final String ACCOUNT_KEY_FIELD = "apiKey";
    private static final int FIELD_TO_VALUE_BYTES = 12;

    static Stream<Arguments> redisServers() {
        List<Arguments> servers = new ArrayList<>();
        servers.add(Arguments.of("embedded", (Supplier<PersistentRedis>) PersistentRedis::embedded));
        if (Files.isExecutable(PersistentRedis.DEBIAN_SERVER)) {
            servers.add(Arguments.of("debian",
                    (Supplier<PersistentRedis>) () -> PersistentRedis.of(PersistentRedis.DEBIAN_SERVER)));
        }
        return servers.stream();
    }

    @ParameterizedTest(name = "{0} redis-server")
    @MethodSource("redisServers")
    void noSecretOfAnyAuthFlowReachesAKeyAStreamOrAPersistenceFile(String name, Supplier<PersistentRedis> server) {
        try (PersistentRedis redis = server.get(); Product product = Product.on(redis.url(), Map.of())) {
            CamelService users = product.userService();
            product.trackingService();
            product.gateway();
            Journey journey = new Journey(product.api);
            for (Flow flow : SecretFlows.ALL) {
                flow.run().accept(journey);
            }
            SigningKey signingKey = users.context().getRegistry().lookupByNameAndType(SigningKey.BEAN,
                    SigningKey.class);
            redis.snapshot();

            List<PersistedFile> files = redis.files();
            List<Stored> keyspace = redis.query(SecretsAtRestTest::everythingStored);
            System.out.printf("Redis %s: %d flows, %d secrets and %d private-key forms looked for in %s and in "
                            + "%d stored values%n", redis.version(), SecretFlows.ALL.size(), journey.secrets.size(),
                    privateKeyForms(signingKey).size(), files.stream().map(file -> file.name() + " ("
                            + file.content().length() + " bytes)").toList(), keyspace.size());

            assertThat(files).as("the files hold what was written").anySatisfy(file ->
                    assertThat(file.contains(journey.account.email())).as(file.name()).isTrue());
            assertThat(files).filteredOn(file -> file.name().equals("dump.rdb")).singleElement()
                    .satisfies(file -> assertThat(file.contains(journey.account.email())).isTrue());
            for (PersistedFile file : files) {
                for (String secret : journey.secrets) {
                    assertThat(journey.apiKeys.contains(secret) ? strayOccurrences(file, secret)
                            : file.contains(secret) ? 1 : 0)
                            .as("a secret of the flows in %s", file.name()).isZero();
                }
                for (String form : privateKeyForms(signingKey)) {
                    assertThat(file.content()).as("a private key in %s", file.name()).doesNotContain(form);
                }
            }
            for (Stored stored : keyspace) {
                for (String secret : journey.secrets) {
                    if (!(journey.apiKeys.contains(secret) && stored.isAccountKey())) {
                        assertThat(stored.text()).as("a secret of the flows in %s", stored.where())
                                .doesNotContain(secret);
                    }
                }
                for (String marker : PRIVATE_KEY_MARKERS) {
                    assertThat(stored.text()).as("a private key in %s", stored.where()).doesNotContain(marker);
                }
            }
        }
    }

    /** Occurrences of an API key anywhere but as the value of its account's {@code apiKey} field. */
    private static int strayOccurrences(PersistedFile file, String apiKey) {
        String content = file.content();
        int stray = 0;
        for (int at = content.indexOf(apiKey); at >= 0; at = content.indexOf(apiKey, at + 1)) {
            String before = content.substring(Math.max(0, at - FIELD_TO_VALUE_BYTES - ACCOUNT_KEY_FIELD.length()), at);
            if (!before.contains(ACCOUNT_KEY_FIELD)) {
                stray++;
            }
        }
        return stray;
    }

    /** The replica's signing key as DER, PEM lines, base64, hex and its raw scalar, as Latin-1 text. */
    private static List<String> privateKeyForms(SigningKey key) {
        byte[] pkcs8 = key.privateKey().getEncoded();
        byte[] scalar = ((ECPrivateKey) key.privateKey()).getS().toByteArray();
        List<String> forms = new ArrayList<>(PRIVATE_KEY_MARKERS);
        for (byte[] secret : List.of(pkcs8, scalar)) {
            forms.add(Base64.getEncoder().encodeToString(secret));
            forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
            forms.add(HexFormat.of().formatHex(secret));
            forms.add(new String(secret, StandardCharsets.ISO_8859_1));
        }
        forms.add(Base64.getMimeEncoder().encodeToString(pkcs8).lines().findFirst().orElseThrow());
        return forms;
    }

    /** Every key name, and every value, field, member, score and stream entry under it. */
    private static List<Stored> everythingStored(RedisCommands<String, String> redis) {
        List<Stored> stored = new ArrayList<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.limit(500));
            for (String key : page.getKeys()) {
                stored.add(new Stored(key, "", key));
                switch (redis.type(key)) {
                    case "string" -> stored.add(new Stored(key, "", redis.get(key)));
                    case "hash" -> redis.hgetall(key).forEach((field, value) -> {
                        stored.add(new Stored(key, "", field));
                        stored.add(new Stored(key, field, value));
                    });
                    case "list" -> redis.lrange(key, 0, -1).forEach(value -> stored.add(new Stored(key, "", value)));
                    case "set" -> redis.smembers(key).forEach(value -> stored.add(new Stored(key, "", value)));
                    case "zset" -> redis.zrangeWithScores(key, 0, -1).forEach(value ->
                            stored.add(new Stored(key, "", value.getValue() + " " + value.getScore())));
                    case "stream" -> redis.xrange(key, io.lettuce.core.Range.create("-", "+")).forEach(entry ->
                            entry.getBody().forEach((field, value) -> stored.add(new Stored(key, field, value))));
                    default -> stored.add(new Stored(key, "", "unknown type " + redis.type(key)));
                }
            }
            cursor = page;
        } while (!cursor.isFinished());
        return stored;
    }

    /** One value under a key, with the field or entry field it sits in. */
    private record Stored(String key, String field, String text) {

        boolean isAccountKey() {
            return key.startsWith("users:{t:") && key.endsWith("}") && field.equals(ACCOUNT_KEY_FIELD);
        }

        String where() {
            return field.isEmpty() ? key : key + " " + field;
        }
    }
}
