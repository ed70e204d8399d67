package io.trackingsystem.tracking.stats;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackingsystem.tracking.catalogue.Dimension;
import io.trackingsystem.tracking.engine.EventRows;
import io.trackingsystem.tracking.engine.Filter;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stored events of a range, newest first, a page at a time; optionally only one event name or one visitor.
 * The cursor names the last event of the previous page: its time and id.
 */
public final class EventList {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;
    private static final Pattern CURSOR = Pattern.compile("(\\d{1,15})_([0-9a-f]{16})");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StatsSource source;

    public EventList(StatsSource source) {
        this.source = source;
    }

    public record Event(String id, String eventName, String timestamp, String visitorId, String sessionId,
                        String page, String referrer, String browser, String os, String device, String screen,
                        String language, String country, String region, String city, ObjectNode properties) {

        static Event of(EventRows.Row row) {
            return new Event(row.shownId(), row.name(), Instant.ofEpochMilli(row.time()).toString(), row.visitor(),
                    row.session(), row.page(), row.source(), row.browser(), row.os(), row.device(), row.screen(),
                    row.language(), row.country(), row.region(), row.city(), propertiesJson(row.properties()));
        }
    }

    public record Answer(List<Event> events, String nextCursor) {
    }

    public Answer answer(StatsRequest request) {
        StatsQuery query = request.query();
        String eventName = request.text("eventName");
        String visitorId = request.text("visitorId");
        int limit = request.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        EventRows.Position before = cursor(request.text("cursor"));
        List<Filter> byName = eventName.isEmpty() ? List.of()
                : List.of(new Filter(Dimension.named("eventName").orElseThrow(), eventName));
        EventRows.Page page = EventRows.newest(source.over(query, query.range().start(), query.range().end(),
                byName), limit, before, visitorId);
        String next = page.more() ? page.last().time() + "_" + page.rows().get(page.rows().size() - 1).shownId()
                : null;
        return new Answer(page.rows().stream().map(Event::of).toList(), next);
    }

    static ObjectNode propertiesJson(Map<String, String> properties) {
        ObjectNode node = JSON.createObjectNode();
        properties.forEach(node::put);
        return node;
    }

    private static EventRows.Position cursor(String text) {
        if (text.isEmpty()) {
            return null;
        }
        Matcher matcher = CURSOR.matcher(text);
        if (!matcher.matches()) {
            throw StatsRequest.invalid("cursor", "cursor must be a nextCursor of an earlier answer");
        }
        return new EventRows.Position(Long.parseLong(matcher.group(1)), Long.parseUnsignedLong(matcher.group(2), 16));
    }
}
