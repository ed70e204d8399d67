package io.trackingsystem.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The traffic of a made-up shop, reproducible from a seed: visits of 3 to 5 events by a fixed pool of visitors,
 * over 300 pages (a few far more popular than the rest), 20 referrer sources (direct included), 3 browsers, UTM
 * parameters on 10% of visits, and 5 custom events with properties making up about a quarter of the events after
 * the landing page view. A visitor keeps one browser, screen and language.
 */
final class Workload {

    static final String SITE = "https://shop.example.com";
    static final int PAGES = 300;
    static final List<String> CUSTOM_EVENTS = List.of("signup", "add_to_cart", "checkout", "download", "play_video");
    static final List<String> REFERRERS = List.of("", "https://www.google.com/", "https://www.bing.com/",
            "https://duckduckgo.com/", "https://news.ycombinator.com/", "https://www.reddit.com/r/analytics/",
            "https://t.co/abc", "https://www.facebook.com/", "https://www.linkedin.com/feed/", "https://github.com/",
            "https://www.youtube.com/", "https://stackoverflow.com/questions/1", "https://dev.to/",
            "https://medium.com/", "https://www.producthunt.com/", "https://lobste.rs/", "https://mastodon.social/",
            "https://www.instagram.com/", "https://newsletter.example.org/", "https://partner.example.net/");
    static final List<String> AGENTS = List.of(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 "
                    + "Safari/537.36",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                    + "Version/17.4 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0");
    private static final String[] SCREENS = {"1920x1080", "390x844", "1440x900"};
    private static final String[] LANGUAGES = {"en-US", "de-DE", "fr-FR", "en-GB"};
    private static final long DAY = 86_400_000L;
    /** Visits start at least this long before the end of the history, so none runs past it. */
    private static final long LONGEST_VISIT = 20 * 60_000L;

    private final Random random;
    private final String visitorPrefix;
    private final int visitors;

    /**
     * @param visitorPrefix starts every visitor id, so separate workloads never share a visitor
     * @param visitors      the size of the visitor pool
     */
    Workload(long seed, String visitorPrefix, int visitors) {
        this.random = new Random(seed);
        this.visitorPrefix = visitorPrefix;
        this.visitors = visitors;
    }

    /**
     * Feeds {@code sink} {@code events} events spread evenly over [from, to), one 24-hour slice after the other
     * (a shorter last slice gets its share), each slice's visits in order of their start, as a live site would
     * have sent them.
     */
    void history(long events, long from, long to, Consumer<SyntheticEvent> sink) {
        long planned = 0;
        for (long sliceStart = from; sliceStart < to; sliceStart += DAY) {
            long sliceEnd = Math.min(sliceStart + DAY, to);
            long quota = Math.round(events * ((sliceEnd - from) / (double) (to - from))) - planned;
            planned += quota;
            long latest = Math.max(sliceStart + 1, Math.min(sliceEnd, to - LONGEST_VISIT));
            List<Integer> lengths = new ArrayList<>();
            for (long inSlice = 0; inSlice < quota; ) {
                int length = (int) Math.min(3 + random.nextInt(3), quota - inSlice);
                lengths.add(length);
                inSlice += length;
            }
            long[] starts = new long[lengths.size()];
            for (int i = 0; i < starts.length; i++) {
                starts[i] = sliceStart + (long) (random.nextDouble() * (latest - sliceStart));
            }
            Arrays.sort(starts);
            for (int i = 0; i < starts.length; i++) {
                visit(starts[i], lengths.get(i)).forEach(sink);
            }
        }
    }

    /** One visit of 3 to 5 events from {@code start}. */
    List<SyntheticEvent> visit(long start) {
        return visit(start, 3 + random.nextInt(3));
    }

    /** One visit of {@code length} events from {@code start}: a landing page view, then pages and custom events. */
    List<SyntheticEvent> visit(long start, int length) {
        String visitor = visitorPrefix + random.nextInt(visitors);
        int traits = Math.floorMod(visitor.hashCode(), 1 << 16);
        int agent = traits % 10 < 6 ? 0 : traits % 10 < 9 ? 1 : 2;
        String screen = SCREENS[agent];
        String language = LANGUAGES[(traits >> 4) % LANGUAGES.length];
        String ip = "203.0." + ((traits >> 8) % 256) + "." + (traits % 256);
        String referrer = random.nextInt(10) < 4 ? "" : REFERRERS.get(1 + random.nextInt(REFERRERS.size() - 1));
        String query = random.nextInt(10) == 0
                ? "?utm_source=newsletter&utm_medium=email&utm_campaign=launch-" + random.nextInt(5) : "";
        List<SyntheticEvent> events = new ArrayList<>(length);
        long ts = start;
        String path = page();
        for (int i = 0; i < length; i++) {
            boolean custom = i > 0 && random.nextInt(4) == 0;
            if (i > 0 && !custom) {
                path = page();
            }
            String name = custom ? CUSTOM_EVENTS.get(random.nextInt(CUSTOM_EVENTS.size())) : SyntheticEvent.PAGEVIEW;
            Map<String, String> props = custom
                    ? Map.of("plan", random.nextBoolean() ? "pro" : "free", "value", String.valueOf(random.nextInt(200)))
                    : Map.of();
            events.add(new SyntheticEvent(new UUID(random.nextLong(), random.nextLong()), visitor, name, path,
                    i == 0 ? query : "", i == 0 ? referrer : "", props, ts, AGENTS.get(agent), ip, screen, language));
            ts += 15_000 + random.nextInt(225_000);
        }
        return events;
    }

    /** A page, the first few far more often than the rest. */
    private String page() {
        double r = random.nextDouble();
        int index = (int) (PAGES * r * r);
        return switch (index) {
            case 0 -> "/";
            case 1 -> "/pricing";
            case 2 -> "/features";
            case 3 -> "/blog";
            default -> switch (index % 3) {
                case 0 -> "/products/item-" + index;
                case 1 -> "/blog/post-" + index;
                default -> "/docs/page-" + index;
            };
        };
    }
}
