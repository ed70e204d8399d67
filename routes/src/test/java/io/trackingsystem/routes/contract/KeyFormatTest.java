package io.trackingsystem.routes.contract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyFormatTest {

    private static final String KEY = "tsk_" + "Ab3-_x".repeat(5) + "Zz";

    @Test
    void acceptsWriteAndStatsKeysAsTheyAre() {
        assertThat(KeyFormat.canonical(KEY)).hasValue(KEY);
        assertThat(KeyFormat.canonical(KEY).map(KeyFormat::isWriteKey)).hasValue(true);
        String stats = "tsr_" + KEY.substring(4);
        assertThat(KeyFormat.canonical(stats).map(KeyFormat::isStatsKey)).hasValue(true);
    }

    @Test
    void givesEveryWhitespaceVariantTheOneSpelling() {
        for (String variant : new String[] {KEY + "\u2003", "\u2003" + KEY, " " + KEY + "\t\n", KEY + "\u3000",
                "\u2028" + KEY + "\u205F"}) {
            assertThat(KeyFormat.canonical(variant)).as(variant).hasValue(KEY);
        }
    }

    @Test
    void refusesInvisibleCharactersThatAreNoWhitespace() {
        assertThat(KeyFormat.canonical(KEY + "\u200B")).isEmpty();
        assertThat(KeyFormat.canonical("\uFEFF" + KEY)).isEmpty();
        assertThat(KeyFormat.canonical(KEY.substring(0, 10) + "\u200D" + KEY.substring(10))).isEmpty();
    }

    @Test
    void refusesOtherPrefixesLengthsAndCharacters() {
        assertThat(KeyFormat.canonical("tsx_" + KEY.substring(4))).isEmpty();
        assertThat(KeyFormat.canonical("TSK_" + KEY.substring(4))).isEmpty();
        assertThat(KeyFormat.canonical(KEY.substring(0, KEY.length() - 1))).isEmpty();
        assertThat(KeyFormat.canonical(KEY + "a")).isEmpty();
        assertThat(KeyFormat.canonical(KEY.substring(0, 20) + "+/" + KEY.substring(22))).isEmpty();
        assertThat(KeyFormat.canonical("")).isEmpty();
        assertThat(KeyFormat.canonical(null)).isEmpty();
    }

    @Test
    void refusesInputOver256CharactersBeforeStrippingIt() {
        assertThat(KeyFormat.canonical(" ".repeat(256 - KEY.length()) + KEY)).hasValue(KEY);
        assertThat(KeyFormat.canonical(" ".repeat(257 - KEY.length()) + KEY)).isEmpty();
        assertThat(KeyFormat.canonical(KEY + " ".repeat(10_000))).isEmpty();
    }
}
