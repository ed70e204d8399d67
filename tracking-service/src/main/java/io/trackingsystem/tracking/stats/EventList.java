package io.trackingsystem.tracking.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackingsystem.tracking.storage.UtcDays;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stored events of a range, newest first, a page at a time; optionally only one event name or one visitor.
 * The cursor names the last event of the previous page.
 *
 * <p>Each day's stream is read backwards from its newest entry: since an entry is stored at most
 * {@link RawScan#ID_SLACK} before its event's time, reading stops once no older entry can beat the page's
 * oldest event. A first page costs about the last two hours of entries plus the page.
 */
public final class EventList {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;
    private static final int CHUNK = 1000;
    private static final Pattern CURSOR = Pattern.compile("(\\d{1,15})_(\\d{8})-(\\d{1,20})-(\\d{1,20})");
    /** Newest first: by time, then by storage order. */
    static final Comparator<RawEvent> NEWEST_FIRST = Comparator.comparingLong(RawEvent::time)
            .thenComparing(RawEvent::day).thenComparingLong(e -> idPart(e.id(), 0))
            .thenComparingLong(e -> idPart(e.id(), 1)).reversed();

    private final StatsSource source;

    public EventList(StatsSource source) {
        this.source = source;
    }

    public record Event(String id, String eventName, String timestamp, String visitorId, String sessionId,
                        String page, String referrer, String browser, String os, String device, String screen,
                        String language, ObjectNode properties) {

        static Event of(RawEvent raw) {
            return new Event(raw.uniqueId(), raw.name(), Instant.ofEpochMilli(raw.time()).toString(), raw.visitor(),
                    raw.session(), raw.path(), raw.referrer(), raw.browser(), raw.os(), raw.device(), raw.screen(),
                    raw.language(), Properties.all(raw.props()));
        }
    }

    public record Answer(List<Event> events, String nextCursor) {
    }

    public Answer answer(StatsRequest request) {
        StatsQuery query = request.query();
        String eventName = request.text("eventName");
        String visitorId = request.text("visitorId");
        int limit = request.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        RawEvent after = cursor(request.text("cursor"));
        TimeRange range = query.range();
        SessionPages pages = source.pagesFor(query, range.start(), range.end());

        List<RawEvent> page = new ArrayList<>();
        long newest = after == null ? range.end() - 1 : Math.min(range.end() - 1, after.time());
        for (long day = Days.startOfDayContaining(newest); day >= Days.startOfDayContaining(range.start())
                && page.size() <= limit; day -= UtcDays.DAY) {
            page.addAll(newestOfDay(query, UtcDays.day(day), limit + 1 - page.size(), event ->
                    range.contains(event.time()) && (after == null || NEWEST_FIRST.compare(event, after) > 0)
                            && (eventName.isEmpty() || eventName.equals(event.name()))
                            && (visitorId.isEmpty() || visitorId.equals(event.visitor()))
                            && query.matches(event, pages)));
        }
        String next = page.size() > limit ? cursorOf(page.get(limit - 1)) : null;
        List<Event> events = page.stream().limit(limit).map(Event::of).toList();
        return new Answer(events, next);
    }

    /** The {@code count} newest events of one day that pass {@code accept}, newest first. */
    private List<RawEvent> newestOfDay(StatsQuery query, String day, int count,
                                       java.util.function.Predicate<RawEvent> accept) {
        PriorityQueue<RawEvent> best = new PriorityQueue<>(NEWEST_FIRST.reversed());
        String before = "";
        while (true) {
            RawChunk chunk = source.scan().before(query.keys(), day, before, CHUNK);
            for (RawEvent event : chunk.events()) {
                if (accept.test(event)) {
                    best.add(event);
                    if (best.size() > count) {
                        best.poll();
                    }
                }
            }
            if (chunk.entries() < CHUNK) {
                break;
            }
            before = chunk.lastId();
            if (best.size() == count && best.peek().time() > idPart(before, 0) + RawScan.ID_SLACK) {
                break;
            }
        }
        List<RawEvent> newestFirst = new ArrayList<>(best);
        newestFirst.sort(NEWEST_FIRST);
        return newestFirst;
    }

    private static RawEvent cursor(String text) {
        if (text.isEmpty()) {
            return null;
        }
        Matcher matcher = CURSOR.matcher(text);
        if (!matcher.matches()) {
            throw StatsRequest.invalid("cursor", "cursor must be a nextCursor of an earlier answer");
        }
        String id = matcher.group(3) + "-" + matcher.group(4);
        return new RawEvent(matcher.group(2), id, Long.parseLong(matcher.group(1)), "", "", "", "", "", "",
                new String[5], "", "", "", "", "", "");
    }

    private static String cursorOf(RawEvent event) {
        return event.time() + "_" + event.uniqueId();
    }

    /** Part 0 (milliseconds) or 1 (sequence) of a stream entry id. */
    static long idPart(String id, int part) {
        int dash = id.indexOf('-');
        try {
            return Long.parseLong(part == 0 ? id.substring(0, dash) : id.substring(dash + 1));
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
