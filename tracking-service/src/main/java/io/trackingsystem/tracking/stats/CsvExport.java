package io.trackingsystem.tracking.stats;

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
 * piece's {@code nextCursor} until it is null. {@code events} lists raw events day by day in storage order, at
 * most {@value #MAX_EVENT_ROWS} rows; every other dataset is a breakdown of up to {@value Breakdown#MAX_LIMIT}
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
            entry("languages", "language"), entry("eventNames", "eventName"));
    private static final List<String> EVENT_COLUMNS = List.of("id", "timestamp", "eventName", "visitorId",
            "sessionId", "page", "referrer", "utmSource", "utmMedium", "utmCampaign", "utmTerm", "utmContent",
            "browser", "os", "device", "screen", "language", "properties");
    private static final Pattern CURSOR = Pattern.compile("(\\d{1,7}):(\\d{8}):(|\\d{1,20}-\\d{1,20})");

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
        TimeRange range = query.range();
        List<String> days = Days.overlapping(range.start(), range.end());
        Position position = Position.parse(cursorText, days.get(0));
        int dayIndex = days.indexOf(position.day());
        if (dayIndex < 0) {
            throw StatsRequest.invalid("cursor", "cursor must be a nextCursor of an earlier answer");
        }
        SessionPages pages = source.pagesFor(query, range.start(), range.end());
        StringBuilder csv = new StringBuilder();
        if (position.rows() == 0 && position.afterId().isEmpty() && dayIndex == 0) {
            Csv.row(csv, EVENT_COLUMNS);
        }
        int rows = position.rows();
        int pieceRows = 0;
        int scanned = 0;
        String afterId = position.afterId();
        while (dayIndex < days.size() && pieceRows < PIECE_ROWS && scanned < PIECE_SCAN && rows < MAX_EVENT_ROWS) {
            int wanted = Math.min(RawScan.CHUNK, PIECE_ROWS - pieceRows);
            RawChunk chunk = source.scan().after(query.keys(), days.get(dayIndex), afterId, wanted);
            for (RawEvent event : chunk.events()) {
                if (range.contains(event.time()) && query.matches(event, pages)) {
                    Csv.row(csv, cells(event));
                    rows++;
                    pieceRows++;
                }
            }
            scanned += chunk.entries();
            if (chunk.entries() < wanted) {
                dayIndex++;
                afterId = "";
            } else {
                afterId = chunk.lastId();
            }
        }
        boolean done = dayIndex >= days.size() || rows >= MAX_EVENT_ROWS;
        String next = done ? null : rows + ":" + days.get(dayIndex) + ":" + afterId;
        return new Piece(filename, csv.toString(), next);
    }

    private static List<String> cells(RawEvent event) {
        List<String> cells = new ArrayList<>(EVENT_COLUMNS.size());
        cells.add(event.uniqueId());
        cells.add(Instant.ofEpochMilli(event.time()).toString());
        cells.add(event.name());
        cells.add(event.visitor());
        cells.add(event.session());
        cells.add(event.path());
        cells.add(event.referrer());
        for (String utm : event.utm()) {
            cells.add(utm);
        }
        cells.add(event.browser());
        cells.add(event.os());
        cells.add(event.device());
        cells.add(event.screen());
        cells.add(event.language());
        cells.add(event.props());
        return cells;
    }

    private static String text(Long value) {
        return value == null ? "" : value.toString();
    }

    /** Where a piece starts: rows written so far, the day, and the last entry read of it ("" = none yet). */
    private record Position(int rows, String day, String afterId) {
        static Position parse(String text, String firstDay) {
            if (text.isEmpty()) {
                return new Position(0, firstDay, "");
            }
            Matcher matcher = CURSOR.matcher(text);
            if (!matcher.matches()) {
                throw StatsRequest.invalid("cursor", "cursor must be a nextCursor of an earlier answer");
            }
            return new Position(Integer.parseInt(matcher.group(1)), matcher.group(2), matcher.group(3));
        }
    }
}
