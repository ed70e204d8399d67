package io.trackingsystem.tracking.stats;

import io.trackingsystem.tracking.storage.TrackingKeys;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What events are grouped or filtered by. The names are those of the API and of the breakdown roll-ups alike.
 * Referrer and UTM values are the visit's, copied onto each of its events when stored; client values (browser,
 * os, device, screen, language) are each event's own. Entry and exit pages belong to a visit as a whole, so
 * reading them from raw events takes the visit's pages ({@link SessionPages}).
 */
final class Dimension {

    enum Kind { EVENT, SESSION, ENTRY_PAGE, EXIT_PAGE }

    static final String PROPERTY_PREFIX = "property:";
    private static final int MAX_PROPERTY_KEY = 50;

    private static final List<Dimension> FIXED = List.of(
            new Dimension("page", Kind.EVENT, RawEvent::path),
            new Dimension("entryPage", Kind.ENTRY_PAGE, event -> ""),
            new Dimension("exitPage", Kind.EXIT_PAGE, event -> ""),
            new Dimension("referrer", Kind.SESSION,
                    event -> event.referrer().isEmpty() ? TrackingKeys.DIRECT : event.referrer()),
            new Dimension("utmSource", Kind.SESSION, event -> event.utm()[0]),
            new Dimension("utmMedium", Kind.SESSION, event -> event.utm()[1]),
            new Dimension("utmCampaign", Kind.SESSION, event -> event.utm()[2]),
            new Dimension("utmTerm", Kind.SESSION, event -> event.utm()[3]),
            new Dimension("utmContent", Kind.SESSION, event -> event.utm()[4]),
            new Dimension("browser", Kind.EVENT, RawEvent::browser),
            new Dimension("os", Kind.EVENT, RawEvent::os),
            new Dimension("device", Kind.EVENT, RawEvent::device),
            new Dimension("screen", Kind.EVENT, RawEvent::screen),
            new Dimension("language", Kind.EVENT, RawEvent::language),
            new Dimension("eventName", Kind.EVENT, RawEvent::name));

    /** The names a request may use, for error messages. */
    static final String KNOWN = String.join(", ", FIXED.stream().map(Dimension::name).toList())
            + ", property:<key>";

    private final String name;
    private final Kind kind;
    private final Function<RawEvent, String> value;

    private Dimension(String name, Kind kind, Function<RawEvent, String> value) {
        this.name = name;
        this.kind = kind;
        this.value = value;
    }

    static Optional<Dimension> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        if (name.startsWith(PROPERTY_PREFIX)) {
            String key = name.substring(PROPERTY_PREFIX.length());
            if (key.isEmpty() || key.length() > MAX_PROPERTY_KEY) {
                return Optional.empty();
            }
            return Optional.of(new Dimension(name, Kind.EVENT, event -> Properties.value(event.props(), key)));
        }
        return FIXED.stream().filter(dimension -> dimension.name.equals(name)).findFirst();
    }

    String name() {
        return name;
    }

    Kind kind() {
        return kind;
    }

    /** Entry and exit pages need every page of the visit. */
    boolean needsSessionPages() {
        return kind == Kind.ENTRY_PAGE || kind == Kind.EXIT_PAGE;
    }

    /** The event's value, "" when it has none. */
    String valueOf(RawEvent event, SessionPages pages) {
        return switch (kind) {
            case ENTRY_PAGE -> pages.entry(event.session());
            case EXIT_PAGE -> pages.exit(event.session());
            default -> value.apply(event);
        };
    }

    @Override
    public String toString() {
        return name;
    }
}
