package io.trackingsystem.gateway.geo;

import io.trackingsystem.routes.config.Env;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Countries from the bundled database, regions and cities from city-level files of both vendors' shapes. */
class GeolocatorTest {

    private static final Geolocator BUNDLED = Geolocator.of(GeoConfig.bundled());

    @Test
    void theBundledDatabaseKnowsTheCountriesOfWellKnownAddresses() {
        assertThat(BUNDLED.locate("8.8.8.8", "")).isEqualTo(new Location("US", "", ""));
        assertThat(BUNDLED.locate("81.2.69.142", "")).isEqualTo(new Location("GB", "", ""));
        assertThat(BUNDLED.locate("2001:4860:4860::8888", "").country()).isEqualTo("US");
    }

    @Test
    void privateMalformedAndNamedAddressesAreUnknownWithoutAnyLookup() {
        for (String address : List.of("10.1.2.3", "127.0.0.1", "::1", "", "8.8.8", "8.8.8.256", "8.8.8.8.8",
                "1..2.3", "not an address", "dead.beef", "localhost", "example.com", "fe80::1%eth0", "::g")) {
            assertThat(BUNDLED.locate(address, "")).as(address).isEqualTo(Location.UNKNOWN);
        }
        assertThat(BUNDLED.locate(null, "")).isEqualTo(Location.UNKNOWN);
    }

    @Test
    void aTrustedProxysCountryWinsOverTheDatabase() {
        assertThat(BUNDLED.locate("8.8.8.8", "DE")).isEqualTo(new Location("DE", "", ""));
        assertThat(BUNDLED.locate(null, "FR")).isEqualTo(new Location("FR", "", ""));
    }

    @Test
    void offLooksNothingUp() {
        Geolocator off = Geolocator.of(GeoConfig.from(Env.of(Map.of("GEOIP_DATABASE", "off"))));

        assertThat(off.locate("8.8.8.8", "")).isEqualTo(Location.UNKNOWN);
        assertThat(off.locate("8.8.8.8", "DE")).isEqualTo(Location.UNKNOWN);
    }

    @Test
    void aGeoLite2ShapedCityDatabaseAddsRegionAndCity(@TempDir Path dir) throws Exception {
        Path file = new MmdbFile("GeoLite2-City")
                .with("81.2.69.0/24", Map.of(
                        "city", Map.of("geoname_id", "2643743", "names", Map.of("en", "London", "de", "London")),
                        "country", Map.of("iso_code", "GB", "names", Map.of("en", "United Kingdom")),
                        "location", Map.of("latitude", 51.5142, "longitude", -0.0931),
                        "subdivisions", List.of(Map.of("iso_code", "ENG", "names", Map.of("en", "England")))))
                .with("89.160.20.0/24", Map.of("country", Map.of("iso_code", "SE")))
                .writeTo(dir.resolve("city.mmdb"));
        Geolocator city = Geolocator.of(GeoConfig.from(Env.of(Map.of("GEOIP_DATABASE", file.toString()))));

        assertThat(city.locate("81.2.69.142", "")).isEqualTo(new Location("GB", "GB-ENG", "London"));
        assertThat(city.locate("89.160.20.112", "")).isEqualTo(new Location("SE", "", ""));
        assertThat(city.locate("8.8.8.8", "")).isEqualTo(Location.UNKNOWN);
        assertThat(city.locate("81.2.69.142", "GB")).isEqualTo(new Location("GB", "GB-ENG", "London"));
        assertThat(city.locate("81.2.69.142", "IE")).as("a proxy that disagrees keeps only its country")
                .isEqualTo(new Location("IE", "", ""));
    }

    @Test
    void aDbIpShapedCityDatabaseNamesTheRegionWhenItHasNoCode(@TempDir Path dir) throws Exception {
        Path file = new MmdbFile("DBIP-City-Lite")
                .with("5.9.0.0/16", Map.of(
                        "city", Map.of("names", Map.of("en", "Berlin")),
                        "country", Map.of("iso_code", "DE", "names", Map.of("en", "Germany")),
                        "subdivisions", List.of(Map.of("names", Map.of("en", "Land Berlin")))))
                .writeTo(dir.resolve("dbip.mmdb"));

        assertThat(Geolocator.of(new GeoConfig(GeoConfig.Source.FILE, file)).locate("5.9.1.2", ""))
                .isEqualTo(new Location("DE", "Land Berlin", "Berlin"));
    }

    @Test
    void recordsOfAnotherShapeAreUnknownRatherThanAnError(@TempDir Path dir) throws Exception {
        Path file = new MmdbFile("odd")
                .with("5.9.0.0/16", Map.of("country", "DE", "city", List.of("Berlin")))
                .writeTo(dir.resolve("odd.mmdb"));

        assertThat(Geolocator.of(new GeoConfig(GeoConfig.Source.FILE, file)).locate("5.9.1.2", ""))
                .isEqualTo(Location.UNKNOWN);
    }

    @Test
    void refusesToStartWithAFileItCannotRead(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.mmdb");
        Path garbage = Files.writeString(dir.resolve("garbage.mmdb"), "no database");

        assertThatThrownBy(() -> GeoConfig.from(Env.of(Map.of("GEOIP_DATABASE", missing.toString()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GEOIP_DATABASE");
        assertThatThrownBy(() -> Geolocator.of(new GeoConfig(GeoConfig.Source.FILE, garbage)))
                .hasMessageContaining("GEOIP_DATABASE");
    }

    @Test
    void unsetMeansTheBundledDatabase() {
        assertThat(GeoConfig.from(Env.of(Map.of())).source()).isEqualTo(GeoConfig.Source.BUNDLED);
        assertThat(GeoConfig.from(Env.of(Map.of("GEOIP_DATABASE", " OFF "))).source())
                .isEqualTo(GeoConfig.Source.OFF);
    }
}
