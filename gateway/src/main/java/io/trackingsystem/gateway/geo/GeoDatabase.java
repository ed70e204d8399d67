package io.trackingsystem.gateway.geo;

import com.maxmind.db.CHMCache;
import com.maxmind.db.Reader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Path;

/**
 * A MaxMind DB file held in memory. Lookups decode only {@link GeoRecord}'s fields, and the reader's cache keeps
 * each decoded record by its place in the file, so the many addresses that share a network decode it once.
 */
final class GeoDatabase {

    /** The classpath name of the bundled country database, copied from its npm package by the gateway's build. */
    static final String BUNDLED = "/io/trackingsystem/geoip/geo-whois-asn-country.mmdb";

    private final Reader reader;

    private GeoDatabase(Reader reader) {
        this.reader = reader;
    }

    static GeoDatabase bundled() {
        try (InputStream in = GeoDatabase.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("the bundled country database " + BUNDLED
                        + " is not on the classpath; build the gateway with Maven, or set GEOIP_DATABASE");
            }
            return new GeoDatabase(new Reader(in, new CHMCache()));
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled country database cannot be read", e);
        }
    }

    static GeoDatabase file(Path path) {
        try {
            return new GeoDatabase(new Reader(path.toFile(), Reader.FileMode.MEMORY_MAPPED, new CHMCache()));
        } catch (IOException e) {
            throw new UncheckedIOException("GEOIP_DATABASE " + path + " is no MaxMind DB file", e);
        }
    }

    /** What the database knows of the address; unknown for private ranges, addresses it lacks, odd records. */
    Location locate(InetAddress address) {
        try {
            GeoRecord record = reader.get(address, GeoRecord.class);
            return record == null ? Location.UNKNOWN : record.location();
        } catch (IOException | RuntimeException e) {
            // a record of another shape than GeoRecord's (a field of another type) says nothing usable
            return Location.UNKNOWN;
        }
    }
}
