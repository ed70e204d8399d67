package io.trackingsystem.gateway.geo;

/**
 * Finds where an event's visitor is. The address is the one the sender named ({@code ip}, {@code context.ip}),
 * else the request's client address; a trusted proxy's {@code CF-IPCountry} stands for the request's own client
 * and so counts only when the sender named no address. The address itself is only looked up, never kept.
 */
public final class Geolocator {

    private static final Geolocator OFF = new Geolocator(null);

    private final GeoDatabase database;

    private Geolocator(GeoDatabase database) {
        this.database = database;
    }

    public static Geolocator of(GeoConfig config) {
        return switch (config.source()) {
            case OFF -> OFF;
            case BUNDLED -> new Geolocator(GeoDatabase.bundled());
            case FILE -> new Geolocator(GeoDatabase.file(config.database()));
        };
    }

    /**
     * @param address      the address the event stands for, as text; anything that is no IP literal is unknown
     * @param proxyCountry the country a trusted proxy named for the request ("" for none); it wins over the
     *                     database's country, and the database's region and city are kept only where it agrees
     */
    public Location locate(String address, String proxyCountry) {
        if (database == null) {
            return Location.UNKNOWN;
        }
        Location found = lookup(address);
        if (proxyCountry.isEmpty() || proxyCountry.equals(found.country())) {
            return found;
        }
        return Location.country(proxyCountry);
    }

    private Location lookup(String address) {
        var parsed = IpAddresses.parse(address);
        return parsed == null ? Location.UNKNOWN : database.locate(parsed);
    }
}
