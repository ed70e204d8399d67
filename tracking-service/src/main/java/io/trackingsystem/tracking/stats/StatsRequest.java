package io.trackingsystem.tracking.stats;

import io.trackingsystem.routes.problem.ProblemException;
import io.trackingsystem.routes.problem.ProblemException.FieldError;
import io.trackingsystem.tracking.catalogue.Dimension;
import io.trackingsystem.tracking.engine.Filter;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One analytics request: the site it reads and its parameters. Each query reads the parameters it needs
 * through the typed readers here; a bad value answers 400 naming the parameter.
 *
 * <p>{@code from} and {@code to} are ISO dates or date-times. Dates are whole days in {@code tz}, both ends
 * included; a date-time {@code to} is excluded. Without them the range is the last 7 days up to today.
 */
public final class StatsRequest {

    static final int MAX_FILTERS = 20;
    /** Dates outside these years are refused: they cannot hold events, and their instants overflow. */
    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 9999;
    private static final int DEFAULT_DAYS = 7;
    private static final int MAX_TEXT = 200;

    private final String site;
    private final Parameters parameters;
    private final Clock clock;
    private StatsQuery query;

    private StatsRequest(String site, Parameters parameters, Clock clock) {
        if (site == null || site.isBlank()) {
            throw ProblemException.unauthorized("Sign in first");
        }
        this.site = site;
        this.parameters = parameters;
        this.clock = clock;
    }

    /** A request for {@code site} with a URL query string such as {@code from=2024-05-01&to=2024-05-31}. */
    public static StatsRequest of(String site, String queryString) {
        return new StatsRequest(site, Parameters.parse(queryString), Clock.systemUTC());
    }

    static StatsRequest of(String site, String queryString, Clock clock) {
        return new StatsRequest(site, Parameters.parse(queryString), clock);
    }

    /** The site the request reads: the caller's verified principal, never a parameter. */
    public String site() {
        return site;
    }

    long now() {
        return clock.millis();
    }

    /** The range, zone and filters; every problem with them is reported at once. */
    StatsQuery query() {
        if (query == null) {
            List<FieldError> errors = new ArrayList<>();
            ZoneId zone = zone(errors);
            TimeRange range = range(zone, errors);
            List<Filter> filters = filters(errors);
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            query = new StatsQuery(site, range, filters);
        }
        return query;
    }

    String choice(String name, Set<String> allowed, String fallback) {
        String value = parameters.first(name);
        if (value == null) {
            return fallback;
        }
        if (!allowed.contains(value)) {
            throw invalid(name, name + " must be one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return value;
    }

    int integer(String name, int fallback, int min, int max) {
        String value = parameters.first(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid(name, name + " must be a whole number from " + min + " to " + max);
    }

    /** An optional text, "" when absent. */
    String text(String name) {
        String value = parameters.first(name);
        if (value == null) {
            return "";
        }
        if (value.length() > MAX_TEXT) {
            throw invalid(name, name + " may be at most " + MAX_TEXT + " characters");
        }
        return value;
    }

    String required(String name) {
        String value = parameters.first(name);
        if (value == null) {
            throw invalid(name, name + " is required");
        }
        return value;
    }

    List<String> all(String name) {
        return parameters.all(name);
    }

    static ProblemException invalid(String name, String message) {
        return ProblemException.invalid(List.of(FieldError.of(name, message)));
    }

    private ZoneId zone(List<FieldError> errors) {
        String tz = parameters.first("tz");
        if (tz == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(tz);
        } catch (DateTimeException e) {
            errors.add(FieldError.of("tz", "tz must be an IANA time zone such as Europe/Berlin, got '" + tz + "'"));
            return ZoneOffset.UTC;
        }
    }

    private TimeRange range(ZoneId zone, List<FieldError> errors) {
        Moment from = moment("from", errors);
        Moment to = moment("to", errors);
        if (from == Moment.INVALID || to == Moment.INVALID) {
            return null;
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        long end = to == null ? startOf(today.plusDays(1), zone)
                : to.date() != null ? startOf(to.date().plusDays(1), zone) : to.instant(zone);
        LocalDate lastDate = to == null ? today : to.date();
        long start;
        if (from != null) {
            start = from.date() != null ? startOf(from.date(), zone) : from.instant(zone);
        } else if (lastDate != null) {
            start = startOf(lastDate.minusDays(DEFAULT_DAYS - 1), zone);
        } else {
            start = end - Duration.ofDays(DEFAULT_DAYS).toMillis();
        }
        if (start >= end) {
            errors.add(FieldError.of("from", "from must be before to"));
            return null;
        }
        boolean calendar = (from == null || from.date() != null) && lastDate != null;
        LocalDate firstDate = Instant.ofEpochMilli(start).atZone(zone).toLocalDate();
        long days = calendar ? ChronoUnit.DAYS.between(firstDate, lastDate) + 1
                : (end - start + Duration.ofHours(1).toMillis() - 1) / Duration.ofDays(1).toMillis();
        if (days > TimeRange.MAX_DAYS || end - start > Duration.ofDays(TimeRange.MAX_DAYS + 1).toMillis()) {
            errors.add(FieldError.of("to", "from and to may be at most " + TimeRange.MAX_DAYS + " days apart"));
            return null;
        }
        long previousStart = calendar ? startOf(firstDate.minusDays(days), zone) : start - (end - start);
        return new TimeRange(start, end, zone, previousStart);
    }

    private Moment moment(String name, List<FieldError> errors) {
        String value = parameters.first(name);
        if (value == null) {
            return null;
        }
        String text = value.strip();
        Moment moment = parse(text);
        if (moment == null) {
            errors.add(FieldError.of(name, name + " must be an ISO date (2024-05-31) or date-time "
                    + "(2024-05-31T12:00, 2024-05-31T12:00:00Z), got '" + value + "'"));
            return Moment.INVALID;
        }
        LocalDate date = moment.date() != null ? moment.date() : moment.instant() != null
                ? moment.instant().atOffset(ZoneOffset.UTC).toLocalDate() : moment.local().toLocalDate();
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            errors.add(FieldError.of(name, name + " must lie in the years " + FIRST_YEAR + " to " + LAST_YEAR
                    + ", got '" + value + "'"));
            return Moment.INVALID;
        }
        return moment;
    }

    private static Moment parse(String text) {
        try {
            return new Moment(LocalDate.parse(text), null, null);
        } catch (DateTimeException notADate) {
            try {
                return new Moment(null, OffsetDateTime.parse(text).toInstant(), null);
            } catch (DateTimeException notAnInstant) {
                try {
                    return new Moment(null, null, LocalDateTime.parse(text));
                } catch (DateTimeException notALocalTime) {
                    return null;
                }
            }
        }
    }

    private List<Filter> filters(List<FieldError> errors) {
        List<String> texts = parameters.all("filter");
        if (texts.size() > MAX_FILTERS) {
            errors.add(FieldError.of("filter", "at most " + MAX_FILTERS + " filters"));
            return List.of();
        }
        List<Filter> filters = new ArrayList<>();
        for (String text : texts) {
            int split = text.startsWith(Dimension.PROPERTY_PREFIX)
                    ? text.indexOf(':', Dimension.PROPERTY_PREFIX.length()) : text.indexOf(':');
            String name = split < 0 ? text : text.substring(0, split);
            String value = split < 0 ? "" : text.substring(split + 1);
            var dimension = Dimension.named(name);
            if (dimension.isEmpty()) {
                errors.add(FieldError.of("filter", "Unknown filter dimension '" + name + "' in '" + text
                        + "'; use one of " + Dimension.KNOWN));
            } else if (value.isEmpty() || value.length() > 2000) {
                errors.add(FieldError.of("filter", "filter must be dimension:value, got '" + text + "'"));
            } else {
                filters.add(new Filter(dimension.get(), value));
            }
        }
        return filters;
    }

    private static long startOf(LocalDate date, ZoneId zone) {
        return date.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    /** A parsed from/to: a date, an instant, or a local date-time read in the request's zone. */
    private record Moment(LocalDate date, Instant instant, LocalDateTime local) {
        static final Moment INVALID = new Moment(null, null, null);

        long instant(ZoneId zone) {
            return (instant != null ? instant : local.atZone(zone).toInstant()).toEpochMilli();
        }
    }

    @Override
    public String toString() {
        return "StatsRequest[" + site + "]";
    }
}
