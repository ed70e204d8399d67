package io.trackingsystem.tracking.ingest;

import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.routes.testing.RedisFixture;
import io.trackingsystem.tracking.TestEvents;
import io.trackingsystem.tracking.pipeline.DropReason;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Not a test: measures end-to-end processing throughput. It fills the ingest stream first, then starts the
 * service and times until every event is stored; twice, the second time in a JVM whose JIT has compiled the
 * service. Besides events per second (which depends on what else runs on the machine) it prints what depends
 * less on it: Redis and JVM CPU time and Redis commands per event, from INFO and the process's CPU time. Run it
 * with the test classpath: {@code java -cp target/test-classes:target/classes:<deps> ...ThroughputProbe 200000}
 * (REDIS_URL selects the Redis; default an embedded one; further arguments are service settings like
 * {@code WORKER_BATCH_SIZE=2000}).
 */
public final class ThroughputProbe {

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Map<String, String> settings = new HashMap<>(Map.of("INSTANCE_ID", "bench"));
        for (int i = 1; i < args.length; i++) {
            settings.put(args[i].substring(0, args[i].indexOf('=')), args[i].substring(args[i].indexOf('=') + 1));
        }
        System.out.println("Round 1 (fresh JVM: includes JIT compilation):");
        round(events, settings);
        System.out.println("Round 2 (warm JVM, as a long-running service):");
        round(events, settings);
    }

    private static void round(int events, Map<String, String> settings) throws Exception {
        RedisFixture.flush();
        try (Redis redis = Redis.connect(RedisFixture.url())) {
            List<String> batch = workload(events, System.currentTimeMillis());
            new IngestWriter(redis).appendAll("acc-bench", batch);
            redis.async().configResetstat().get();
            double cpuBefore = cpuSeconds(info(redis));
            long start = System.nanoTime();
            try (ServiceHarness harness = ServiceHarness.start(settings)) {
                long started = System.nanoTime();
                // steady state: from a third of the events stored (service started, caches warm) to the end
                while (done(harness) < events / 3) {
                    Thread.sleep(5);
                }
                long steadyFrom = done(harness);
                long steadyStart = System.nanoTime();
                long steadyJvm = jvmCpuNanos();
                double steadyRedis = cpuSeconds(info(redis));
                while (done(harness) < events) {
                    Thread.sleep(20);
                }
                long end = System.nanoTime();
                long steadyEvents = events - steadyFrom;
                Map<String, String> info = info(redis);
                System.out.printf("Redis %s, load average %s%n", info.get("redis_version"), loadAverage());
                System.out.printf("%d events in %.2f s: %.0f events/s including service start, %.0f after it, "
                                + "%.0f in steady state%n", events, (end - start) / 1e9, events / ((end - start) / 1e9),
                        events / ((end - started) / 1e9), steadyEvents / ((end - steadyStart) / 1e9));
                System.out.printf("CPU per event in steady state: Redis %.1f us, JVM %.1f us; all events: Redis %.1f us%n",
                        (cpuSeconds(info) - steadyRedis) * 1e6 / steadyEvents,
                        (jvmCpuNanos() - steadyJvm) / 1e3 / steadyEvents, (cpuSeconds(info) - cpuBefore) * 1e6 / events);
                printCommands(info, events);
                System.out.println(harness.metrics().snapshot());
            }
        }
    }

    /** Commands per event and their CPU per event, busiest first: the Redis work the write path causes. */
    private static void printCommands(Map<String, String> info, int events) {
        long calls = 0;
        double usec = 0;
        List<String[]> rows = new ArrayList<>();
        for (Map.Entry<String, String> stat : info.entrySet()) {
            if (stat.getKey().startsWith("cmdstat_")) {
                Map<String, String> values = new HashMap<>();
                for (String part : stat.getValue().split(",")) {
                    values.put(part.substring(0, part.indexOf('=')), part.substring(part.indexOf('=') + 1));
                }
                long n = Long.parseLong(values.get("calls"));
                double us = Double.parseDouble(values.get("usec"));
                calls += n;
                usec += us;
                rows.add(new String[]{stat.getKey().substring(8), Long.toString(n), Double.toString(us)});
            }
        }
        rows.sort((a, b) -> Double.compare(Double.parseDouble(b[2]), Double.parseDouble(a[2])));
        System.out.printf("Redis commands per event: %.2f, command time per event %.1f us%n",
                (double) calls / events, usec / events);
        for (String[] row : rows.subList(0, Math.min(12, rows.size()))) {
            System.out.printf("  %-18s %8.3f calls/event %7.2f us/event%n", row[0],
                    Double.parseDouble(row[1]) / events, Double.parseDouble(row[2]) / events);
        }
    }

    private static long done(ServiceHarness harness) {
        return harness.metrics().stored() + harness.metrics().dropped(DropReason.DUPLICATE);
    }

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double cpuSeconds(Map<String, String> info) {
        return Double.parseDouble(info.get("used_cpu_user")) + Double.parseDouble(info.get("used_cpu_sys"));
    }

    private static Map<String, String> info(Redis redis) throws Exception {
        Map<String, String> values = new HashMap<>();
        for (String line : redis.async().info("everything").get().split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) {
                values.put(line.substring(0, colon), line.substring(colon + 1));
            }
        }
        return values;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** A realistic mix: 2,000 visitors, 60 pages, a few referrers, browsers and custom events. */
    static List<String> workload(int events, long now) {
        Random random = new Random(42);
        String[] agents = {TestEvents.CHROME, TestEvents.IPHONE,
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
                "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0"};
        String[] referrers = {"", "", "https://www.google.com/", "https://news.ycombinator.com/", "https://t.co/x"};
        List<String> out = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            String visitor = "visitor-" + random.nextInt(2000);
            long ts = now - random.nextInt(3_600_000);
            String url = "https://example.com/page/" + random.nextInt(60) + "?utm_source=newsletter";
            TestEvents event = random.nextInt(5) == 0
                    ? TestEvents.track(visitor, "click-" + random.nextInt(5), ts).set("url", url)
                            .props(Map.of("plan", random.nextBoolean() ? "pro" : "free"))
                    : TestEvents.pageview(visitor, url, ts).set("referrer", referrers[random.nextInt(referrers.length)]);
            event.set("userAgent", agents[random.nextInt(agents.length)]).set("screen", "1920x1080")
                    .set("language", "en-US");
            out.add(event.json());
        }
        return out;
    }
}
