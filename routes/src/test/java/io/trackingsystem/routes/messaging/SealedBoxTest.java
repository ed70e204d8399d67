package io.trackingsystem.routes.messaging;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SealedBoxTest {

    private static final byte[] CONTENT = "{\"password\":\"correct horse\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ASSOCIATED = "id\nreply\n123\nlogin\n".getBytes(StandardCharsets.UTF_8);

    private final KeyPair first = SealedBox.newKeyPair();
    private final KeyPair second = SealedBox.newKeyPair();

    @Test
    void everyRecipientCanOpenTheBoxAndItHoldsNothingInTheClear() {
        String box = SealedBox.seal(CONTENT, ASSOCIATED, List.of(recipient("a", first), recipient("b", second)));

        assertThat(box).doesNotContain("password").doesNotContain("correct horse");
        assertThat(SealedBox.open(box, ASSOCIATED, held(Map.of("a", first)))).hasValue(CONTENT);
        assertThat(SealedBox.open(box, ASSOCIATED, held(Map.of("b", second)))).hasValue(CONTENT);
    }

    @Test
    void aReplicaHoldingNoneOfTheKeysCannotOpenIt() {
        String box = SealedBox.seal(CONTENT, ASSOCIATED, List.of(recipient("a", first)));

        assertThat(SealedBox.open(box, ASSOCIATED, held(Map.of("b", second)))).isEmpty();
        assertThat(SealedBox.open(box, ASSOCIATED, held(Map.of("a", second))))
                .as("another pair under the same id").isEmpty();
    }

    @Test
    void changingAClearFieldOrTheBoxMakesItUnopenable() {
        String box = SealedBox.seal(CONTENT, ASSOCIATED, List.of(recipient("a", first)));
        byte[] otherPrincipal = "id\nreply\n123\nlogin\nvictim".getBytes(StandardCharsets.UTF_8);
        String flipped = box.replaceFirst("\"c\":\"(.)", "\"c\":\"" + (box.contains("\"c\":\"A") ? "B" : "A"));

        assertThat(SealedBox.open(box, otherPrincipal, held(Map.of("a", first)))).isEmpty();
        assertThat(SealedBox.open(flipped, ASSOCIATED, held(Map.of("a", first)))).isEmpty();
        assertThat(SealedBox.open("not a box", ASSOCIATED, held(Map.of("a", first)))).isEmpty();
    }

    @Test
    void twoBoxesOfOneContentDiffer() {
        List<SealedBox.Recipient> to = List.of(recipient("a", first));

        assertThat(SealedBox.seal(CONTENT, ASSOCIATED, to)).isNotEqualTo(SealedBox.seal(CONTENT, ASSOCIATED, to));
    }

    private static SealedBox.Recipient recipient(String id, KeyPair pair) {
        return new SealedBox.Recipient(id, SealedBox.decodePublic(SealedBox.encode(pair.getPublic())));
    }

    private static java.util.function.Function<String, Optional<KeyPair>> held(Map<String, KeyPair> pairs) {
        return id -> Optional.ofNullable(pairs.get(id));
    }
}
