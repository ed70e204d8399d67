package io.trackingsystem.tracking.stats;

import io.trackingsystem.tracking.TestEvents;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A generated month of a site's traffic, reproducible from its seed, for comparing the engine's answers with
 * {@link ReferenceAnalytics}: visits of 1 to 12 events whose gaps sometimes exceed the idle time (so one visit is
 * several sessions), visits across UTC midnight, given session ids on a tenth of the visits (some of which switch
 * from an anonymous id to a user id mid-visit), referrers and UTM values, three browsers, screens, languages and
 * custom events with properties, and locations (country, region, city as the gateway writes them; a tenth of the
 * visits move to another place mid-visit, and some events have only a country). Each event is known both as the JSON the gateway writes and as the values the
 * pipeline derives from it.
 */
final class OracleDataset {

    static final String HOST = "https://oracle.example";
    static final List<String> PAGES = List.of("/", "/pricing", "/docs", "/docs/a", "/docs/b", "/blog", "/blog/1",
            "/blog/2", "/about", "/signup", "/features", "/contact");
    /** Referrer URL → the source the pipeline derives. */
    static final Map<String, String> REFERRERS = new LinkedHashMap<>();
    /** User agent → browser, OS, device. */
    static final Map<String, String[]> AGENTS = new LinkedHashMap<>();
    static final List<String> CUSTOM = List.of("signup", "download", "play_video", "checkout");
    static final String[] SCREENS = {"1920x1080", "390x844", "1440x900"};
    static final String[] LANGUAGES = {"en-US", "de-DE", "ja-JP"};
    /** Country, region, city; "" where the database knew no more. */
    static final String[][] PLACES = {{"US", "US-CA", "San Francisco"}, {"GB", "GB-ENG", "London"},
            {"DE", "DE-BE", "Berlin"}, {"US", "US-NY", "New York"}, {"JP", "", ""}, {"", "", ""}};
    private static final long MINUTE = 60_000;
    private static final long DAY = 86_400_000L;

    static {
        REFERRERS.put("", "");
        REFERRERS.put("https://www.google.com/", "Google");
        REFERRERS.put("https://news.ycombinator.com/item?id=1", "Hacker News");
        REFERRERS.put("https://www.bing.com/search?q=x", "Bing");
        REFERRERS.put("https://partner.example.net/links", "partner.example.net");
        AGENTS.put(TestEvents.CHROME, new String[]{"Chrome", "Windows", "desktop"});
        AGENTS.put(TestEvents.IPHONE, new String[]{"Mobile Safari", "iOS", "mobile"});
        AGENTS.put("Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
                new String[]{"Firefox", "Linux", "desktop"});
    }

    /** One event: what is sent, and what the pipeline makes of it. */
    record Sent(String json, ReferenceAnalytics.Event event) {
    }

    final LocalDate firstDay;
    final LocalDate lastDay;
    final List<Sent> events = new ArrayList<>();

    private final Random random;
    private final Set<String> usedTimes = new HashSet<>();
    private int counter;

    OracleDataset(long seed, int visits) {
        random = new Random(seed);
        lastDay = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        firstDay = lastDay.minusDays(29);
        long from = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long span = 30 * DAY - 3 * 60 * MINUTE;
        for (int v = 0; v < visits; v++) {
            long start = from + (long) (random.nextDouble() * span);
            if (v % 50 == 0) {
                // a visit running over UTC midnight
                start = from + (1 + random.nextInt(28)) * DAY - (5 + random.nextInt(20)) * MINUTE;
            }
            visit(start, "visitor-" + random.nextInt(Math.max(10, visits / 6)));
        }
    }

    private void visit(long start, String visitor) {
        int length = 1 + random.nextInt(12);
        String userAgent = List.copyOf(AGENTS.keySet()).get(Math.floorMod(visitor.hashCode(), AGENTS.size()));
        String screen = SCREENS[Math.floorMod(visitor.hashCode() >> 3, SCREENS.length)];
        String language = LANGUAGES[Math.floorMod(visitor.hashCode() >> 5, LANGUAGES.length)];
        String[] place = PLACES[random.nextInt(PLACES.length)];
        boolean moves = random.nextInt(10) == 0;
        String referrer = random.nextInt(3) == 0 ? ""
                : List.copyOf(REFERRERS.keySet()).get(1 + random.nextInt(REFERRERS.size() - 1));
        Map<String, String> utm = random.nextInt(10) == 0 ? Map.of("source", "newsletter", "medium", "email",
                "campaign", random.nextBoolean() ? "spring" : "autumn") : Map.of();
        if (!utm.isEmpty()) {
            referrer = "";
        }
        boolean given = random.nextInt(10) == 0;
        String sessionId = given ? "given-" + (counter++) : "";
        String userId = given && random.nextBoolean() ? "user-" + visitor : "";
        long time = start;
        for (int i = 0; i < length; i++) {
            time = unique(visitor, userId, time);
            boolean pageview = i == 0 || random.nextInt(4) != 0;
            String name = pageview ? "pageview" : CUSTOM.get(random.nextInt(CUSTOM.size()));
            String path = PAGES.get((int) (PAGES.size() * Math.pow(random.nextDouble(), 2)));
            Map<String, String> props = pageview ? Map.of()
                    : Map.of("plan", random.nextBoolean() ? "pro" : "free", "value", "v" + random.nextInt(8));
            String actor = !userId.isEmpty() && i >= length / 2 ? userId : "";
            TestEvents event = pageview ? TestEvents.pageview(visitor, HOST + path, time)
                    : TestEvents.track(visitor, name, time).set("url", HOST + path);
            event.set("userAgent", userAgent).set("screen", screen).set("language", language);
            String[] at = moves && i > 0 ? PLACES[(i + 1) % PLACES.length] : place;
            setIfPresent(event, "country", at[0]);
            setIfPresent(event, "region", at[1]);
            setIfPresent(event, "city", at[2]);
            if (!props.isEmpty()) {
                event.props(props);
            }
            if (!actor.isEmpty()) {
                event.set("userId", actor);
            }
            if (given) {
                event.set("sessionId", sessionId);
            }
            String sentReferrer = i == 0 ? referrer : HOST + "/";
            if (!sentReferrer.isEmpty()) {
                event.set("referrer", sentReferrer);
            }
            if (i == 0 && !utm.isEmpty()) {
                event.utm(utm);
            }
            String[] client = AGENTS.get(userAgent);
            String source = i == 0 ? (utm.isEmpty() ? REFERRERS.get(referrer) : "newsletter") : "";
            String[] utmValues = i == 0 && !utm.isEmpty()
                    ? new String[]{"newsletter", "email", utm.get("campaign"), "", ""}
                    : new String[]{"", "", "", "", ""};
            Map<String, String> sortedProps = new java.util.TreeMap<>(props);
            events.add(new Sent(event.json(), new ReferenceAnalytics.Event(event.id(), time, name,
                    actor.isEmpty() ? visitor : actor, sessionId, path, source, utmValues, client[0], client[1],
                    client[2], screen, language, at[0], at[1], at[2], sortedProps)));
            time += random.nextInt(10) == 0 ? (31 + random.nextInt(60)) * MINUTE
                    : (5 + random.nextInt(600)) * 1000L + random.nextInt(1000);
        }
    }

    private static void setIfPresent(TestEvents event, String field, String value) {
        if (!value.isEmpty()) {
            event.set(field, value);
        }
    }

    /** No visitor has two events at the same millisecond: funnels follow one order only. */
    private long unique(String visitor, String userId, long time) {
        long at = time;
        while (!usedTimes.add(visitor + "@" + at) | (!userId.isEmpty() && !usedTimes.add(userId + "@" + at))) {
            at++;
        }
        return at;
    }

    long from() {
        return firstDay.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
