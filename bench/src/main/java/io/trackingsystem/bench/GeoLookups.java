package io.trackingsystem.bench;

import io.trackingsystem.gateway.geo.GeoConfig;
import io.trackingsystem.gateway.geo.Geolocator;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;

/**
 * What one geolocation costs the gateway, alone: {@link Geolocator#locate} of random public IPv4 addresses given
 * as text (as wrk's events name them) against the bundled database, counted in this thread's CPU time, so that
 * other load on the machine does not enter the figure. Prints
 * {@code RESULT geo_lookup ns_per_lookup=<n> lookups=<n> located_percent=<n>}.
 */
public final class GeoLookups {

    private static final int ADDRESSES = 1 << 20;

    private GeoLookups() {
    }

    public static void main(String[] args) {
        long seconds = Long.parseLong(System.getenv().getOrDefault("LOOKUP_SECONDS", "5"));
        Geolocator geolocator = Geolocator.of(GeoConfig.bundled());
        Random random = new Random(1);
        String[] addresses = new String[ADDRESSES];
        for (int i = 0; i < ADDRESSES; i++) {
            addresses[i] = (1 + random.nextInt(223)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                    + (1 + random.nextInt(254));
        }
        run(geolocator, addresses, 2);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long[] counts = run(geolocator, addresses, seconds);
        long cpu = threads.getCurrentThreadCpuTime() - cpuBefore;
        System.out.printf("RESULT geo_lookup ns_per_lookup=%.0f lookups=%d located_percent=%.1f%n",
                (double) cpu / counts[0], counts[0], 100.0 * counts[1] / counts[0]);
    }

    /** Lookups for {@code seconds} of wall time: how many, and how many found a country. */
    private static long[] run(Geolocator geolocator, String[] addresses, long seconds) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long lookups = 0;
        long located = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 4096; i++) {
                if (!geolocator.locate(addresses[(int) (lookups & (ADDRESSES - 1))], "").country().isEmpty()) {
                    located++;
                }
                lookups++;
            }
        }
        return new long[]{lookups, located};
    }
}
