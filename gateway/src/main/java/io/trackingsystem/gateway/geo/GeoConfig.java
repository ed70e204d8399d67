package io.trackingsystem.gateway.geo;

import io.trackingsystem.routes.config.Env;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the gateway looks up the country (and region and city) of each event's address.
 *
 * @param source   {@code GEOIP_DATABASE}: unset (the default) for the bundled country database, {@code off} for no
 *                 location at all, or the path of an {@code .mmdb} file: a city-level database (GeoLite2-City,
 *                 DB-IP city lite) adds region and city
 * @param database the file, for {@link Source#FILE}; else null
 */
public record GeoConfig(Source source, Path database) {

    /** The value of {@code GEOIP_DATABASE} that turns geolocation off. */
    public static final String OFF = "off";

    public enum Source {
        /** ip-location-db's geo-whois-asn-country (CC0), packaged with the gateway: countries only. */
        BUNDLED,
        /** A MaxMind DB file the operator provides. */
        FILE,
        /** No lookups: events carry no location. */
        OFF
    }

    public GeoConfig {
        if ((source == Source.FILE) != (database != null)) {
            throw new IllegalArgumentException("a database file goes with Source.FILE, and only with it");
        }
        if (database != null && !Files.isReadable(database)) {
            throw new IllegalArgumentException("GEOIP_DATABASE names " + database
                    + ", which is no readable file; unset it for the bundled country database, or set it to off");
        }
    }

    public static GeoConfig bundled() {
        return new GeoConfig(Source.BUNDLED, null);
    }

    public static GeoConfig off() {
        return new GeoConfig(Source.OFF, null);
    }

    public static GeoConfig from(Env env) {
        String value = env.string("GEOIP_DATABASE", "").strip();
        if (value.isEmpty()) {
            return bundled();
        }
        if (value.toLowerCase(Locale.ROOT).equals(OFF)) {
            return off();
        }
        return new GeoConfig(Source.FILE, Path.of(value));
    }
}
