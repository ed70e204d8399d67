package io.trackingsystem.tracking.stats;

import io.trackingsystem.tracking.catalogue.Dimension;
import io.trackingsystem.tracking.engine.EventRows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Map.entry;

/**
 * A CSV download, answered in pieces so that no single reply grows large: the caller asks again with each
 * piece's {@code nextCursor} until it is null. {@code events} lists the matching events oldest first, at most
 * {@value #MAX_EVENT_ROWS} rows; every other dataset is a breakdown of up to {@value Breakdown#MAX_LIMIT}
 * values, in one piece.
 */
public final class CsvExport {

    static final int MAX_EVENT_ROWS = 1_000_000;
    /** Rows per piece, and entries read per piece at most: a piece with a narrow filter may hold few rows. */
    static final int PIECE_ROWS = 5000;
    static final int PIECE_SCAN = 50_000;
    static final Map<String, String> BREAKDOWNS = Map.ofEntries(
            entry("pages", "page"), entry("entryPages", "entryPage"), entry("exitPages", "exitPage"),
            entry("referrers", "referrer"), entry("utmSources", "utmSource"), entry("utmMediums", "utmMedium"),
            entry("utmCampaigns", "utmCampaign"), entry("utmTerms", "utmTerm"), entry("utmContents", "utmContent"),
            entry("browsers", "browser"), entry("os", "os"), entry("devices", "device"), entry("screens", "screen"),
            entry("languages", "language"), entry("countries", "country"), entry("regions", "region"),
            entry("cities", "city"), entry("eventNames", "eventName"));
    private static final List<String> EVENT_COLUMNS = List.of("id", "timestamp", "eventName", "visitorId",
            "sessionId", "page", "referrer", "utmSource", "utmMedium", "utmCampaign", "utmTerm", "utmContent",
            "browser", "os", "device", "screen", "language", "country", "region", "city", "properties");
    private static final Pattern CURSOR = Pattern.compile("(\\d{1,7}):(-?\\d{1,15}):([0-9a-f]{16})");

    private final StatsSource source;

    public CsvExport(StatsSource source) {
        this.source = source;
    }

    /** One piece of the file; {@code filename} is the same for every piece. */
    public record Piece(String filename, String csv, String nextCursor) {
    }

    public Piece answer(StatsRequest request) {
        request.choice("format", Set.of("csv"), "csv");
        String dataset = request.required("dataset");
        if (!dataset.equals("events") && !BREAKDOWNS.containsKey(dataset)) {
            throw StatsRequest.invalid("dataset", "dataset must be events or one of "
                    + String.join(", ", BREAKDOWNS.keySet().stream().sorted().toList()));
        }
        StatsQuery query = request.query();
        String filename = dataset + "-" + query.range().firstDate() + "-" + query.range().lastDate() + ".csv";
        String cursor = request.text("cursor");
        if (dataset.equals("events")) {
            return events(query, filename, cursor);
        }
        if (!cursor.isEmpty()) {
            throw StatsRequest.invalid("cursor", "a breakdown export has one piece only");
        }
        Dimension dimension = Dimension.named(BREAKDOWNS.get(dataset)).orElseThrow();
        StringBuilder csv = new StringBuilder();
        Csv.row(csv, List.of("value", "visitors", "pageviews", "events"));
        for (Breakdown.Row row : new Breakdown(source).rows(query, dimension, Breakdown.MAX_LIMIT)) {
            Csv.row(csv, List.of(row.value(), Long.toString(row.visitors()), text(row.pageviews()),
                    text(row.events())));
        }
        return new Piece(filename, csv.toString(), null);
    }

    private Piece events(StatsQuery query, String filename, String cursorText) {
        Position position = Position.parse(cursorText);
        StringBuilder csv = new StringBuilder();
        if (position.after() == null) {
            Csv.row(csv, EVENT_COLUMNS);
        }
        int wanted = Math.min(PIECE_ROWS, MAX_EVENT_ROWS - position.rows());
        EventRows.Page page = EventRows.oldest(source.over(query, query.range().start(), query.range().end()),
                wanted, PIECE_SCAN, position.after());
        page.rows().forEach(row -> Csv.row(csv, cells(row)));
        int rows = position.rows() + page.rows().size();
        boolean done = !page.more() || rows >= MAX_EVENT_ROWS;
        String next = done ? null : rows + ":" + page.last().time() + ":" + String.format("%016x", page.last().id());
        return new Piece(filename, csv.toString(), next);
    }

    private static List<String> cells(EventRows.Row row) {
        List<String> cells = new ArrayList<>(EVENT_COLUMNS.size());
        cells.add(row.shownId());
        cells.add(Instant.ofEpochMilli(row.time()).toString());
        cells.add(row.name());
        cells.add(row.visitor());
        cells.add(row.session());
        cells.add(row.page());
        cells.add(row.source());
        cells.addAll(List.of(row.utm()));
        cells.add(row.browser());
        cells.add(row.os());
        cells.add(row.device());
        cells.add(row.screen());
        cells.add(row.language());
        cells.add(row.country());
        cells.add(row.region());
        cells.add(row.city());
        cells.add(row.properties().isEmpty() ? "" : EventList.propertiesJson(row.properties()).toString());
        return cells;
    }

    private static String text(Long value) {
        return value == null ? "" : value.toString();
    }

    /** Where a piece starts: rows written so far and the last event written or passed over (null: none yet). */
    private record Position(int rows, EventRows.Position after) {
        static Position parse(String text) {
            if (text.isEmpty()) {
                return new Position(0, null);
            }
            Matcher matcher = CURSOR.matcher(text);
            if (!matcher.matches()) {
                throw StatsRequest.invalid("cursor", "cursor must be a nextCursor of an earlier answer");
            }
            return new Position(Integer.parseInt(matcher.group(1)), new EventRows.Position(
                    Long.parseLong(matcher.group(2)), Long.parseUnsignedLong(matcher.group(3), 16)));
        }
    }
}
