package io.trackingsystem.tracking.stats;

import io.trackingsystem.tracking.TestEvents;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static io.trackingsystem.tracking.TestEvents.pageview;
import static io.trackingsystem.tracking.TestEvents.track;

/**
 * A small shop's two days, in Tokyo time (UTC+9, no daylight saving), with answers worked out by hand.
 *
 * <pre>
 * alice  Chrome/Windows  day1 09:00 /?utm_source=newsletter..  09:02 /pricing  09:05 signup{plan:pro}   visit A1
 *                        day1 23:50 / (from Google)  ->  day2 00:10 /pricing  (one visit across midnight) visit A2
 * bob    Firefox/Linux   day1 10:00 /blog (from Hacker News)                               bounce     visit B1
 *                        day2 15:00 / (direct)                                             bounce     visit B2
 * carol  iPhone          day2 12:00 /pricing?utm_source=twitter..  12:01 signup{plan:free}            visit C1
 * dave   Chrome/Windows  day2 18:00 download{file:a.pdf}  (no page view: not a bounce)                visit D1
 * </pre>
 * In UTC all of it falls on day1 00:00 .. day2 09:00, so whole UTC days day1..day2 hold every event too.
 */
final class ShopDataset {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0";
    static final String SITE = "https://shop.example";

    final LocalDate day1;
    final LocalDate day2;

    ShopDataset(LocalDate day1) {
        this.day1 = day1;
        this.day2 = day1.plusDays(1);
    }

    /** Ten days ago in Tokyo: inside the raw retention, never in the future. */
    static ShopDataset recent() {
        return new ShopDataset(LocalDate.now(TOKYO).minusDays(10));
    }

    long at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(TOKYO).toInstant().toEpochMilli();
    }

    /** In the order they happened. */
    List<TestEvents> events() {
        return List.of(
                alice(pageview("alice", SITE + "/?utm_source=newsletter&utm_medium=email&utm_campaign=spring",
                        at(day1, "09:00"))),
                alice(pageview("alice", SITE + "/pricing", at(day1, "09:02")).set("referrer", SITE + "/")),
                alice(track("alice", "signup", at(day1, "09:05")).props(Map.of("plan", "pro"))),
                pageview("bob", SITE + "/blog", at(day1, "10:00")).set("userAgent", FIREFOX)
                        .set("referrer", "https://news.ycombinator.com/item?id=1"),
                alice(pageview("alice", SITE + "/", at(day1, "23:50")).set("referrer", "https://www.google.com/")),
                alice(pageview("alice", SITE + "/pricing", at(day2, "00:10")).set("referrer", SITE + "/")),
                pageview("carol", SITE + "/pricing?utm_source=twitter&utm_medium=social", at(day2, "12:00"))
                        .set("userAgent", TestEvents.IPHONE).set("screen", "390x844").set("language", "ja-JP"),
                track("carol", "signup", at(day2, "12:01")).set("userAgent", TestEvents.IPHONE)
                        .props(Map.of("plan", "free")),
                pageview("bob", SITE + "/", at(day2, "15:00")).set("userAgent", FIREFOX),
                track("dave", "download", at(day2, "18:00")).props(Map.of("file", "a.pdf")));
    }

    private static TestEvents alice(TestEvents event) {
        return event.set("screen", "1920x1080").set("language", "en-US");
    }

    /** {@code from=..&to=..&tz=Asia/Tokyo} plus extra parameters. */
    String tokyo(LocalDate from, LocalDate to, String extra) {
        return "from=" + from + "&to=" + to + "&tz=Asia/Tokyo" + (extra.isEmpty() ? "" : "&" + extra);
    }
}
