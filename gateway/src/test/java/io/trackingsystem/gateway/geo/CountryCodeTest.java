package io.trackingsystem.gateway.geo;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class CountryCodeTest {

    @Test
    void keepsTwoLetterCodesInUpperCase() {
        assertThat(CountryCode.of("GB")).isEqualTo("GB");
        assertThat(CountryCode.of("us")).isEqualTo("US");
    }

    @Test
    void treatsUnknownTorAndEverythingElseAsNoCountry() {
        Arrays.asList("XX", "xx", "ZZ", "T1", "", " G", "GBR", "1A", "Ü1", null)
                .forEach(text -> assertThat(CountryCode.of(text)).as(String.valueOf(text)).isEmpty());
    }
}
