package io.trackingsystem.tracking.stats;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackingsystem.tracking.pipeline.Hashes;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The Analytics API's answers worked out the plain way, from the list of events: every event kept in a list,
 * sessions by sorting each session key's events and cutting at gaps over the idle time, every figure by looping
 * over all of it. Written from the documented semantics, without the engine's code, so that the two agree only
 * if the engine does what the documentation says.
 */
final class ReferenceAnalytics {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final long IDLE = 30 * 60_000L;

    /** An event as stored: the values the pipeline derived. */
    record Event(String id, long time, String name, String visitor, String sessionId, String path, String source,
                 String[] utm, String browser, String os, String device, String screen, String language,
                 String country, String region, String city, Map<String, String> props) {

        long storedId() {
            return Hashes.hash64(id, 0);
        }

        boolean pageview() {
            return name.equals("pageview");
        }
    }

    /** A whole session: its events in time order. */
    static final class Session {
        final List<Event> events = new ArrayList<>();

        long start() {
            return events.get(0).time();
        }

        long last() {
            return events.get(events.size() - 1).time();
        }

        Event first() {
            return events.get(0);
        }

        private String entry;
        private String exit;

        String entry() {
            if (entry == null) {
                entry = events.stream().filter(e -> e.pageview() && !e.path().isEmpty()).map(Event::path)
                        .findFirst().orElse("");
            }
            return entry;
        }

        String exit() {
            if (exit == null) {
                exit = "";
                for (Event event : events) {
                    if (event.pageview() && !event.path().isEmpty()) {
                        exit = event.path();
                    }
                }
            }
            return exit;
        }

        boolean bounce() {
            return events.size() == 1 && events.get(0).pageview();
        }

        String id() {
            Event first = first();
            return !first.sessionId().isEmpty() ? first.sessionId()
                    : Hashes.base64(first.visitor(), 6) + Long.toString(first.time(), 36);
        }
    }

    /** A filter as the API takes it. */
    record Filter(String dimension, String value) {
    }

    private final List<Event> events;
    /** By identity: each event object is one stored event. */
    private final Map<Event, Session> sessionOf = new IdentityHashMap<>();

    ReferenceAnalytics(List<Event> sent) {
        Map<String, Event> unique = new LinkedHashMap<>();
        sent.forEach(event -> unique.putIfAbsent(event.id(), event));
        this.events = List.copyOf(unique.values());
        Map<String, List<Event>> byKey = new HashMap<>();
        for (Event event : events) {
            String key = event.sessionId().isEmpty() ? "v:" + event.visitor() : "i:" + event.sessionId();
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(event);
        }
        for (List<Event> ofKey : byKey.values()) {
            ofKey.sort(Comparator.comparingLong(Event::time).thenComparingLong(Event::storedId));
            Session session = null;
            for (Event event : ofKey) {
                if (session == null || event.time() - session.last() > IDLE) {
                    session = new Session();
                }
                session.events.add(event);
                sessionOf.put(event, session);
            }
        }
    }

    /** The session an event belongs to, as the earlier release stored it with every event. */
    Session sessionOf(Event event) {
        return sessionOf.get(event);
    }

    List<Event> events() {
        return events;
    }

    // --- values of dimensions ------------------------------------------------------------------------------------

    /** The event's value of a dimension; "" for none. */
    String value(Event event, String dimension) {
        Session session = sessionOf.get(event);
        if (dimension.startsWith("property:")) {
            return event.props().getOrDefault(dimension.substring("property:".length()), "");
        }
        return switch (dimension) {
            case "page" -> event.path();
            case "entryPage" -> session.entry();
            case "exitPage" -> session.exit();
            case "referrer" -> session.first().source().isEmpty() ? "(direct)" : session.first().source();
            case "utmSource" -> session.first().utm()[0];
            case "utmMedium" -> session.first().utm()[1];
            case "utmCampaign" -> session.first().utm()[2];
            case "utmTerm" -> session.first().utm()[3];
            case "utmContent" -> session.first().utm()[4];
            case "browser" -> event.browser();
            case "os" -> event.os();
            case "device" -> event.device();
            case "screen" -> event.screen();
            case "language" -> event.language();
            case "country" -> session.first().country();
            case "region" -> session.first().region();
            case "city" -> session.first().city();
            case "eventName" -> event.name();
            default -> throw new IllegalArgumentException(dimension);
        };
    }

    Predicate<Event> matching(List<Filter> filters) {
        return event -> filters.stream().allMatch(filter -> filter.value().equals(value(event, filter.dimension())));
    }

    // --- ranges --------------------------------------------------------------------------------------------------

    /** [start, end) of whole days in the zone, and the previous period of as many days. */
    record Range(long start, long end, long previousStart, ZoneId zone, LocalDate first, LocalDate last) {
        static Range of(LocalDate from, LocalDate to, ZoneId zone) {
            long days = ChronoUnit.DAYS.between(from, to) + 1;
            return new Range(millis(from, zone), millis(to.plusDays(1), zone), millis(from.minusDays(days), zone),
                    zone, from, to);
        }

        private static long millis(LocalDate date, ZoneId zone) {
            return date.atStartOfDay(zone).toInstant().toEpochMilli();
        }
    }

    // --- overview and time series ---------------------------------------------------------------------------------

    private record Span(long start, long end) {
        boolean contains(long time) {
            return time >= start && time < end;
        }
    }

    /** Per span: visitors, page views, sessions, events, bounces, duration; spans sorted and back to back. */
    private long[][] figures(List<Span> spans, Predicate<Event> matches) {
        long[][] figures = new long[spans.size()][6];
        List<Set<String>> visitors = new ArrayList<>();
        spans.forEach(span -> visitors.add(new HashSet<>()));
        Set<Session> matchedSessions = new HashSet<>();
        for (Event event : this.events) {
            int span = spanOf(spans, event.time());
            if (span < 0 || !matches.test(event)) {
                continue;
            }
            matchedSessions.add(sessionOf.get(event));
            figures[span][3]++;
            if (event.pageview()) {
                figures[span][1]++;
            }
            visitors.get(span).add(event.visitor());
        }
        for (Session session : matchedSessions) {
            int span = spanOf(spans, session.start());
            if (span >= 0) {
                figures[span][2]++;
                figures[span][4] += session.bounce() ? 1 : 0;
                figures[span][5] += session.last() - session.start();
            }
        }
        for (int i = 0; i < spans.size(); i++) {
            figures[i][0] = visitors.get(i).size();
        }
        return figures;
    }

    private static int spanOf(List<Span> spans, long time) {
        for (int i = 0; i < spans.size(); i++) {
            if (spans.get(i).contains(time)) {
                return i;
            }
        }
        return -1;
    }

    ObjectNode overview(Range range, List<Filter> filters) {
        List<Span> spans = List.of(new Span(range.previousStart(), range.start()), new Span(range.start(), range.end()));
        long[][] figures = figures(spans, matching(filters));
        ObjectNode current = figuresNode(figures[1]);
        current.set("previous", figuresNode(figures[0]));
        return current;
    }

    private static ObjectNode figuresNode(long[] f) {
        ObjectNode node = JSON.createObjectNode();
        node.put("visitors", f[0]);
        node.put("pageviews", f[1]);
        node.put("sessions", f[2]);
        node.put("events", f[3]);
        node.put("bounceRate", ratio(f[4], f[2], 4));
        node.put("avgSessionSeconds", ratio(f[5] / 1000.0, f[2], 1));
        node.put("viewsPerSession", ratio(f[1], f[2], 2));
        return node;
    }

    private static double ratio(double part, long whole, int decimals) {
        if (whole == 0) {
            return 0;
        }
        double scale = Math.pow(10, decimals);
        return Math.round(part / whole * scale) / scale;
    }

    ObjectNode timeseries(Range range, String interval, List<Filter> filters) {
        List<Span> spans = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        ZonedDateTime bucket = switch (interval) {
            case "hour" -> Instant.ofEpochMilli(range.start()).atZone(range.zone()).truncatedTo(ChronoUnit.HOURS);
            case "week" -> range.first().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                    .atStartOfDay(range.zone());
            case "month" -> range.first().withDayOfMonth(1).atStartOfDay(range.zone());
            default -> range.first().atStartOfDay(range.zone());
        };
        while (bucket.toInstant().toEpochMilli() < range.end()) {
            ZonedDateTime next = switch (interval) {
                case "hour" -> bucket.plusHours(1);
                case "week" -> bucket.toLocalDate().plusWeeks(1).atStartOfDay(range.zone());
                case "month" -> bucket.toLocalDate().plusMonths(1).atStartOfDay(range.zone());
                default -> bucket.toLocalDate().plusDays(1).atStartOfDay(range.zone());
            };
            spans.add(new Span(Math.max(range.start(), bucket.toInstant().toEpochMilli()),
                    Math.min(range.end(), next.toInstant().toEpochMilli())));
            labels.add(interval.equals("hour") ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(bucket)
                    : bucket.toLocalDate().toString());
            bucket = next;
        }
        long[][] figures = figures(spans, matching(filters));
        ObjectNode answer = JSON.createObjectNode().put("interval", interval);
        ArrayNode points = answer.putArray("points");
        for (int i = 0; i < spans.size(); i++) {
            long[] f = figures[i];
            points.addObject().put("t", labels.get(i)).put("visitors", f[0]).put("pageviews", f[1])
                    .put("sessions", f[2]).put("events", f[3]);
        }
        return answer;
    }

    // --- breakdowns ------------------------------------------------------------------------------------------------

    ObjectNode breakdown(Range range, String dimension, int limit, List<Filter> filters) {
        Predicate<Event> matches = matching(filters);
        record Row(String value, long visitors, Long pageviews, Long events) {
        }
        List<Row> rows = new ArrayList<>();
        if (dimension.equals("exitPage")) {
            Map<String, Long> exits = new TreeMap<>();
            Set<Session> counted = new HashSet<>();
            for (Event event : events) {
                Session session = sessionOf.get(event);
                if (range.start() <= event.time() && event.time() < range.end() && matches.test(event)
                        && range.start() <= session.start() && session.start() < range.end()
                        && !session.exit().isEmpty() && counted.add(session)) {
                    exits.merge(session.exit(), 1L, Long::sum);
                }
            }
            exits.forEach((page, visits) -> rows.add(new Row(page, visits, null, null)));
        } else {
            Map<String, Set<String>> visitors = new HashMap<>();
            Map<String, long[]> counts = new HashMap<>();
            for (Event event : events) {
                if (event.time() < range.start() || event.time() >= range.end() || !matches.test(event)) {
                    continue;
                }
                String value = value(event, dimension);
                if (value.isEmpty()) {
                    continue;
                }
                visitors.computeIfAbsent(value, v -> new HashSet<>()).add(event.visitor());
                long[] c = counts.computeIfAbsent(value, v -> new long[2]);
                c[0] += event.pageview() ? 1 : 0;
                c[1]++;
            }
            counts.forEach((value, c) -> rows.add(new Row(value, visitors.get(value).size(), c[0], c[1])));
        }
        rows.sort(Comparator.comparingLong(Row::visitors).reversed()
                .thenComparing(Comparator.comparingLong((Row r) -> r.pageviews() == null ? 0 : r.pageviews())
                        .reversed())
                .thenComparing(Row::value));
        ObjectNode answer = JSON.createObjectNode().put("dimension", dimension);
        ArrayNode list = answer.putArray("rows");
        for (Row row : rows.subList(0, Math.min(limit, rows.size()))) {
            ObjectNode node = list.addObject().put("value", row.value()).put("visitors", row.visitors());
            if (row.pageviews() == null) {
                node.putNull("pageviews");
                node.putNull("events");
            } else {
                node.put("pageviews", row.pageviews()).put("events", row.events());
            }
        }
        return answer;
    }

    // --- funnels and retention ----------------------------------------------------------------------------------

    /** Steps "pageview:/path" or "event:name"; the deepest in-order chain of each visitor from any of its starts. */
    ObjectNode funnel(Range range, List<String> steps, long window, List<Filter> filters) {
        Predicate<Event> matches = matching(filters);
        Map<String, List<Event>> byVisitor = new HashMap<>();
        for (Event event : events) {
            if (event.time() >= range.start() && event.time() < range.end() && matches.test(event)) {
                byVisitor.computeIfAbsent(event.visitor(), v -> new ArrayList<>()).add(event);
            }
        }
        long[] reached = new long[steps.size()];
        for (List<Event> ofVisitor : byVisitor.values()) {
            ofVisitor.sort(Comparator.comparingLong(Event::time));
            int best = 0;
            for (int start = 0; start < ofVisitor.size(); start++) {
                if (!isStep(ofVisitor.get(start), steps.get(0))) {
                    continue;
                }
                int depth = 1;
                long first = ofVisitor.get(start).time();
                for (int i = start + 1; i < ofVisitor.size() && depth < steps.size(); i++) {
                    Event event = ofVisitor.get(i);
                    if (event.time() - first > window) {
                        break;
                    }
                    if (isStep(event, steps.get(depth))) {
                        depth++;
                    }
                }
                best = Math.max(best, depth);
            }
            for (int i = 0; i < best; i++) {
                reached[i]++;
            }
        }
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode list = answer.putArray("steps");
        for (int i = 0; i < steps.size(); i++) {
            list.addObject().put("step", steps.get(i)).put("visitors", reached[i])
                    .put("conversionFromStart", share(reached[i], reached[0]))
                    .put("conversionFromPrevious", i == 0 ? share(reached[0], reached[0])
                            : share(reached[i], reached[i - 1]));
        }
        return answer;
    }

    private static boolean isStep(Event event, String step) {
        return step.startsWith("pageview:") ? event.pageview() && event.path().equals(step.substring(9))
                : event.name().equals(step.substring(6));
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : Math.round((double) part / whole * 10_000) / 10_000.0;
    }

    ObjectNode retention(Range range, boolean weekly, List<Filter> filters) {
        Predicate<Event> matches = matching(filters);
        LocalDate firstPeriod = weekly ? range.first().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                : range.first();
        int periods = period(firstPeriod, range.last(), weekly) + 1;
        Map<String, Set<Integer>> active = new HashMap<>();
        for (Event event : events) {
            if (event.time() >= range.start() && event.time() < range.end() && matches.test(event)) {
                LocalDate date = Instant.ofEpochMilli(event.time()).atZone(range.zone()).toLocalDate();
                active.computeIfAbsent(event.visitor(), v -> new HashSet<>()).add(period(firstPeriod, date, weekly));
            }
        }
        long[] sizes = new long[periods];
        long[][] returning = new long[periods][];
        for (Set<Integer> seen : active.values()) {
            int cohort = seen.stream().min(Integer::compare).orElseThrow();
            sizes[cohort]++;
            if (returning[cohort] == null) {
                returning[cohort] = new long[periods - cohort];
            }
            for (int p : seen) {
                returning[cohort][p - cohort]++;
            }
        }
        ObjectNode answer = JSON.createObjectNode().put("interval", weekly ? "week" : "day");
        ArrayNode cohorts = answer.putArray("cohorts");
        for (int p = 0; p < periods; p++) {
            if (sizes[p] > 0) {
                ObjectNode cohort = cohorts.addObject()
                        .put("period", (weekly ? firstPeriod.plusWeeks(p) : firstPeriod.plusDays(p)).toString())
                        .put("size", sizes[p]);
                ArrayNode counts = cohort.putArray("returning");
                for (long count : returning[p]) {
                    counts.add(count);
                }
            }
        }
        return answer;
    }

    private static int period(LocalDate first, LocalDate date, boolean weekly) {
        long days = ChronoUnit.DAYS.between(first, date);
        return (int) (weekly ? days / 7 : days);
    }

    // --- the event list and the export ---------------------------------------------------------------------------

    /** Matching events of the range, oldest first (time, then stored id). */
    List<Event> listed(Range range, List<Filter> filters) {
        Predicate<Event> matches = matching(filters);
        return events.stream().filter(e -> e.time() >= range.start() && e.time() < range.end() && matches.test(e))
                .sorted(Comparator.comparingLong(Event::time).thenComparingLong(Event::storedId)).toList();
    }

    ObjectNode described(Event event) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", String.format("%016x", event.storedId()));
        node.put("eventName", event.name());
        node.put("timestamp", Instant.ofEpochMilli(event.time()).toString());
        node.put("visitorId", event.visitor());
        node.put("sessionId", sessionOf.get(event).id());
        node.put("page", event.path());
        node.put("referrer", value(event, "referrer"));
        node.put("browser", event.browser());
        node.put("os", event.os());
        node.put("device", event.device());
        node.put("screen", event.screen());
        node.put("language", event.language());
        node.put("country", value(event, "country"));
        node.put("region", value(event, "region"));
        node.put("city", value(event, "city"));
        ObjectNode props = node.putObject("properties");
        event.props().forEach(props::put);
        return node;
    }

    /** The export's cells of an event, as in the CSV. */
    List<String> cells(Event event) {
        Session session = sessionOf.get(event);
        List<String> cells = new ArrayList<>();
        cells.add(String.format("%016x", event.storedId()));
        cells.add(Instant.ofEpochMilli(event.time()).toString());
        cells.add(event.name());
        cells.add(event.visitor());
        cells.add(session.id());
        cells.add(event.path());
        cells.add(value(event, "referrer"));
        for (String utm : session.first().utm()) {
            cells.add(utm);
        }
        cells.add(event.browser());
        cells.add(event.os());
        cells.add(event.device());
        cells.add(event.screen());
        cells.add(event.language());
        cells.add(value(event, "country"));
        cells.add(value(event, "region"));
        cells.add(value(event, "city"));
        if (event.props().isEmpty()) {
            cells.add("");
        } else {
            ObjectNode props = JSON.createObjectNode();
            event.props().forEach(props::put);
            cells.add(props.toString());
        }
        return cells;
    }
}
