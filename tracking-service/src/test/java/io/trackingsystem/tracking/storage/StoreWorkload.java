package io.trackingsystem.tracking.storage;

import io.trackingsystem.tracking.TestEvents;
import io.trackingsystem.tracking.pipeline.Event;
import io.trackingsystem.tracking.pipeline.Pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded traffic that walks through every rule of the write path: out-of-order events over two UTC days (sessions
 * that end by idle time, cross midnight, or receive a late event far before them), apps that send their own
 * session ids, page views and custom events with properties, referrers (external, internal, none) and UTM tags,
 * several user agents, screens and languages, recent events for the realtime keys, and repeated event ids.
 */
final class StoreWorkload {

    private static final String[] AGENTS = {TestEvents.CHROME, TestEvents.IPHONE,
            "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
            "Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 "
                    + "Mobile/15E148 Safari/604.1"};
    private static final String[] REFERRERS = {"", "", "https://www.google.com/search", "https://example.com/",
            "https://news.ycombinator.com/item", "https://t.co/abc"};
    private static final String[] PROPERTY_KEYS = {"plan", "seats", "color", "size", "tier"};

    private StoreWorkload() {
    }

    /** {@code count} events (some of them repeats of earlier ones) ending shortly before {@code now}. */
    static List<TestEvents> events(long seed, int count, int visitors, int pages, long now) {
        Random random = new Random(seed);
        List<TestEvents> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (i > 10 && random.nextInt(20) == 0) {
                out.add(out.get(random.nextInt(out.size())));
                continue;
            }
            int visitor = random.nextInt(visitors);
            long ts = random.nextInt(4) == 0 ? now - random.nextInt(25 * 60_000)
                    : now - (long) (random.nextDouble() * 30 * UtcDays.HOUR);
            String url = "https://example.com/p/" + random.nextInt(pages)
                    + (random.nextInt(6) == 0 ? "?utm_source=mail&utm_campaign=c" + random.nextInt(3) : "");
            TestEvents event;
            if (random.nextInt(4) == 0) {
                Map<String, Object> props = new LinkedHashMap<>();
                for (int p = 0; p < 1 + random.nextInt(3); p++) {
                    props.put(PROPERTY_KEYS[random.nextInt(PROPERTY_KEYS.length)], "v" + random.nextInt(4));
                }
                event = TestEvents.track("visitor-" + visitor, "action-" + random.nextInt(4), ts).set("url", url)
                        .props(props);
            } else {
                event = TestEvents.pageview("visitor-" + visitor, url, ts)
                        .set("referrer", REFERRERS[random.nextInt(REFERRERS.length)]);
            }
            if (visitor % 7 == 0) {
                event.set("sessionId", "app-" + visitor + "-" + random.nextInt(2));
            }
            if (visitor % 5 == 0) {
                event.set("userId", "user-" + visitor);
            }
            event.set("userAgent", AGENTS[random.nextInt(AGENTS.length)]);
            if (random.nextBoolean()) {
                event.set("screen", random.nextBoolean() ? "1920x1080" : "390x844").set("language", "en-US");
            }
            out.add(event);
        }
        return out;
    }

    /** The events as the pipeline prepares them for {@code account}. */
    static List<Event> prepared(Pipeline pipeline, String account, List<TestEvents> events) {
        List<Event> out = new ArrayList<>(events.size());
        for (TestEvents event : events) {
            Event prepared = pipeline.run(new Event("0-1", account, event.json()));
            if (prepared.dropped()) {
                throw new AssertionError("dropped: " + prepared.dropReason() + " " + event.json());
            }
            out.add(prepared);
        }
        return out;
    }
}
