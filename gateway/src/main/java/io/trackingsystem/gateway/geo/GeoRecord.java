package io.trackingsystem.gateway.geo;

import com.maxmind.db.MaxMindDbConstructor;
import com.maxmind.db.MaxMindDbParameter;

import java.util.List;
import java.util.Map;

/**
 * The few fields of a database record the gateway reads; the reader decodes these and skips the rest. Two shapes
 * are understood: ip-location-db's country databases ({@code country_code}) and MaxMind's GeoIP2/GeoLite2 layout,
 * which DB-IP's lite databases share ({@code country.iso_code}, {@code subdivisions[0].iso_code} or its English
 * name, {@code city.names.en}).
 */
public final class GeoRecord {

    private final String countryCode;
    private final Country country;
    private final List<Subdivision> subdivisions;
    private final City city;

    @MaxMindDbConstructor
    public GeoRecord(@MaxMindDbParameter(name = "country_code") String countryCode,
                     @MaxMindDbParameter(name = "country") Country country,
                     @MaxMindDbParameter(name = "subdivisions") List<Subdivision> subdivisions,
                     @MaxMindDbParameter(name = "city") City city) {
        this.countryCode = countryCode;
        this.country = country;
        this.subdivisions = subdivisions;
        this.city = city;
    }

    Location location() {
        String code = CountryCode.of(countryCode != null ? countryCode : country != null ? country.isoCode : null);
        if (code.isEmpty()) {
            return Location.UNKNOWN;
        }
        return new Location(code, region(code), city != null ? english(city.names) : "");
    }

    private String region(String countryCode) {
        if (subdivisions == null || subdivisions.isEmpty() || subdivisions.get(0) == null) {
            return "";
        }
        Subdivision first = subdivisions.get(0);
        if (first.isoCode != null && !first.isoCode.isBlank()) {
            return countryCode + "-" + first.isoCode.strip();
        }
        return english(first.names);
    }

    public static final class Country {
        private final String isoCode;

        @MaxMindDbConstructor
        public Country(@MaxMindDbParameter(name = "iso_code") String isoCode) {
            this.isoCode = isoCode;
        }
    }

    public static final class Subdivision {
        private final String isoCode;
        private final Map<String, String> names;

        @MaxMindDbConstructor
        public Subdivision(@MaxMindDbParameter(name = "iso_code") String isoCode,
                           @MaxMindDbParameter(name = "names") Map<String, String> names) {
            this.isoCode = isoCode;
            this.names = names;
        }
    }

    public static final class City {
        private final Map<String, String> names;

        @MaxMindDbConstructor
        public City(@MaxMindDbParameter(name = "names") Map<String, String> names) {
            this.names = names;
        }
    }

    private static String english(Map<String, String> names) {
        String name = names == null ? null : names.get("en");
        return name == null ? "" : name.strip();
    }
}
