package io.trackingsystem.tracking.ingest;

import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.routes.testing.RedisFixture;
import io.trackingsystem.tracking.TestEvents;
import io.trackingsystem.tracking.pipeline.DropReason;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Not a test: measures end-to-end processing throughput. It fills the ingest stream first, then starts the
 * service and times until every event is stored; it also prints the Redis CPU time per event. Run it with the
 * test classpath: {@code java -cp target/test-classes:target/classes:<deps> ...ThroughputProbe 200000}
 * (REDIS_URL selects the Redis; default an embedded one).
 */
public final class ThroughputProbe {

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        RedisFixture.flush();
        try (Redis redis = Redis.connect(RedisFixture.url())) {
            List<String> batch = workload(events, System.currentTimeMillis());
            new IngestWriter(redis).appendAll("acc-bench", batch);
            double redisCpu = redisCpuSeconds(redis);
            long start = System.nanoTime();
            try (ServiceHarness harness = ServiceHarness.start(Map.of("INSTANCE_ID", "bench"))) {
                while (harness.metrics().stored() + harness.metrics().dropped(DropReason.DUPLICATE) < events) {
                    Thread.sleep(50);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("%d events in %.2f s: %.0f events/s (including service start)%n",
                        events, seconds, events / seconds);
                System.out.printf("Redis CPU per event: %.1f us%n", (redisCpuSeconds(redis) - redisCpu) * 1e6 / events);
                System.out.println(harness.metrics().snapshot());
            }
        }
    }

    private static double redisCpuSeconds(Redis redis) throws Exception {
        double total = 0;
        for (String line : redis.async().info("cpu").get().split("\r\n")) {
            if (line.startsWith("used_cpu_user:") || line.startsWith("used_cpu_sys:")) {
                total += Double.parseDouble(line.substring(line.indexOf(':') + 1));
            }
        }
        return total;
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
