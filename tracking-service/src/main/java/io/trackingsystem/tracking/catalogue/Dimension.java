package io.trackingsystem.tracking.catalogue;

import java.util.List;
import java.util.Optional;

/**
 * What events are grouped and filtered by: each dimension's API name, its label on the dashboard, where its
 * value comes from ({@link Scope}) and the stored {@link Column} it reads. This list is the one definition: the
 * query API validates names against it, the engine reads the column it names, and the dashboard builds its
 * panels and filters from it ({@code GET /api/stats/dimensions}). Adding a dimension is one entry here plus its
 * column's derivation.
 *
 * @param name   the API name, as in {@code dimension=} and {@code filter=name:value}
 * @param label  how the dashboard names it
 * @param scope  whether the value is the event's own, its visit's, or the visit's entry or exit page
 * @param column the stored column; null for custom properties
 * @param key    the property key of {@code property:<key>}, else null
 */
public record Dimension(String name, String label, Scope scope, Column column, String key) {

    /** Where a dimension's value comes from. */
    public enum Scope {
        /** The event's own value. */
        EVENT,
        /** The value of the visit's earliest event, for every event of the visit. */
        VISIT,
        /** The path of the visit's earliest page view. */
        ENTRY_PAGE,
        /** The path of the visit's latest page view; a breakdown counts the visits that ended there. */
        EXIT_PAGE,
        /** The event's custom property of one key. */
        PROPERTY
    }

    public static final String PROPERTY_PREFIX = "property:";
    /** The referrer value of visits without a source. */
    public static final String DIRECT = "(direct)";
    public static final int MAX_PROPERTY_KEY = 50;

    public static final List<Dimension> FIXED = List.of(
            new Dimension("page", "Pages", Scope.EVENT, Column.PATH, null),
            new Dimension("entryPage", "Entry pages", Scope.ENTRY_PAGE, Column.PATH, null),
            new Dimension("exitPage", "Exit pages", Scope.EXIT_PAGE, Column.PATH, null),
            new Dimension("referrer", "Sources", Scope.VISIT, Column.SOURCE, null),
            new Dimension("utmSource", "UTM sources", Scope.VISIT, Column.UTM_SOURCE, null),
            new Dimension("utmMedium", "UTM mediums", Scope.VISIT, Column.UTM_MEDIUM, null),
            new Dimension("utmCampaign", "UTM campaigns", Scope.VISIT, Column.UTM_CAMPAIGN, null),
            new Dimension("utmTerm", "UTM terms", Scope.VISIT, Column.UTM_TERM, null),
            new Dimension("utmContent", "UTM contents", Scope.VISIT, Column.UTM_CONTENT, null),
            new Dimension("browser", "Browsers", Scope.EVENT, Column.BROWSER, null),
            new Dimension("os", "Operating systems", Scope.EVENT, Column.OS, null),
            new Dimension("device", "Devices", Scope.EVENT, Column.DEVICE, null),
            new Dimension("screen", "Screens", Scope.EVENT, Column.SCREEN, null),
            new Dimension("language", "Languages", Scope.EVENT, Column.LANGUAGE, null),
            new Dimension("country", "Countries", Scope.VISIT, Column.COUNTRY, null),
            new Dimension("region", "Regions", Scope.VISIT, Column.REGION, null),
            new Dimension("city", "Cities", Scope.VISIT, Column.CITY, null),
            new Dimension("eventName", "Events", Scope.EVENT, Column.NAME, null));

    /** The names a request may use, for error messages. */
    public static final String KNOWN = String.join(", ", FIXED.stream().map(Dimension::name).toList())
            + ", property:<key>";

    public static Optional<Dimension> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        if (name.startsWith(PROPERTY_PREFIX)) {
            String key = name.substring(PROPERTY_PREFIX.length());
            if (key.isEmpty() || key.length() > MAX_PROPERTY_KEY) {
                return Optional.empty();
            }
            return Optional.of(new Dimension(name, key, Scope.PROPERTY, null, key));
        }
        return FIXED.stream().filter(dimension -> dimension.name.equals(name)).findFirst();
    }

    /** How a stored value is shown: a visit without a source is {@value #DIRECT}. */
    public String shown(String stored) {
        return column == Column.SOURCE && stored.isEmpty() ? DIRECT : stored;
    }

    /** The stored value a shown (or filtered) value stands for. */
    public String stored(String shown) {
        return column == Column.SOURCE && shown.equals(DIRECT) ? "" : shown;
    }

    /** The visit-level attribute index of a {@link Scope#VISIT} dimension. */
    public int visitAttribute() {
        return column.visitAttributeIndex();
    }

    @Override
    public String toString() {
        return name;
    }
}
