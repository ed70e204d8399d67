package io.trackingsystem.tracking.stats;

import io.lettuce.core.Range;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.trackingsystem.routes.problem.ProblemException;
import io.trackingsystem.tracking.storage.TrackingKeys;
import io.trackingsystem.tracking.storage.UtcDays;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads the roll-ups the store script keeps (see {@code TrackingKeys}): totals per UTC hour, visitor sets and
 * HyperLogLogs per UTC hour and day, breakdowns per UTC day, and the realtime keys. Every read is pipelined:
 * a figure costs two round trips however many days it covers.
 *
 * <p>Visitors over several hours or days are a true distinct count: the union of the exact visitor sets while
 * none of them overflowed (each holds up to EXACT_VISITORS_LIMIT members) and their sizes add up to at most
 * {@value #MAX_UNION_MEMBERS}, else the merged HyperLogLogs.
 */
final class Rollups {

    /**
     * Counts the union of visitor sets without storing it; -1 when their sizes add up to more than ARGV[1], to
     * keep the script short: so many memberships mean a large site, answered from the HyperLogLogs instead.
     */
    private static final String UNION_SIZE = """
            local total = 0
            for i = 1, #KEYS do total = total + redis.call('SCARD', KEYS[i]) end
            if total > tonumber(ARGV[1]) then return -1 end
            if #KEYS == 1 then return total end
            return #redis.call('SUNION', unpack(KEYS))
            """;
    /** Set memberships a union may add up to; see {@link #UNION_SIZE}. */
    static final int MAX_UNION_MEMBERS = 200_000;
    private static final long TIMEOUT_SECONDS = 10;
    /** Values beyond the limit whose visitors a breakdown may count, when their visits could still place them. */
    static final int EXTRA_CANDIDATES = 10;
    private static final char[] METRICS = {'e', 'p', 's', 'b', 'd'};

    private final RedisAsyncCommands<String, String> redis;
    private final int maxUnionMembers;

    Rollups(RedisAsyncCommands<String, String> redis) {
        this(redis, MAX_UNION_MEMBERS);
    }

    Rollups(RedisAsyncCommands<String, String> redis, int maxUnionMembers) {
        this.redis = redis;
        this.maxUnionMembers = maxUnionMembers;
    }

    /** Sums of one span of time. */
    record Totals(long events, long pageviews, long sessions, long bounces, long durationMillis, long visitors) {
    }

    /** Totals of each span [start, end); every bound must be a whole UTC hour. */
    List<Totals> totals(TrackingKeys keys, List<Span> spans) {
        Map<String, RedisFuture<Map<String, String>>> hashes = new LinkedHashMap<>();
        for (Span span : spans) {
            for (String day : Days.overlapping(span.start(), span.end())) {
                hashes.computeIfAbsent(day, d -> redis.hgetall(keys.totals(d)));
            }
        }
        Map<String, Map<String, String>> byDay = new HashMap<>();
        hashes.forEach((day, future) -> byDay.put(day, await(future)));

        List<long[]> sums = new ArrayList<>();
        List<CompletionStage<Long>> visitors = new ArrayList<>();
        for (Span span : spans) {
            long[] sum = new long[METRICS.length];
            List<String> sets = new ArrayList<>();
            List<String> logs = new ArrayList<>();
            boolean exact = true;
            for (String day : Days.overlapping(span.start(), span.end())) {
                Map<String, String> hash = byDay.get(day);
                long dayStart = Days.start(day);
                if (span.start() <= dayStart && span.end() >= dayStart + UtcDays.DAY) {
                    for (int hour = 0; hour < 24; hour++) {
                        add(sum, hash, UtcDays.hour(dayStart + hour * UtcDays.HOUR));
                    }
                    sets.add(keys.dayVisitorSet(day));
                    logs.add(keys.dayVisitors(day));
                    exact &= !hash.containsKey(TrackingKeys.DAY_SET_OVERFLOWED);
                } else {
                    long from = Math.max(span.start(), dayStart);
                    long to = Math.min(span.end(), dayStart + UtcDays.DAY);
                    for (long hourStart = from; hourStart < to; hourStart += UtcDays.HOUR) {
                        String hour = UtcDays.hour(hourStart);
                        add(sum, hash, hour);
                        sets.add(keys.hourVisitorSet(day + hour));
                        logs.add(keys.hourVisitors(day + hour));
                        exact &= !hash.containsKey(TrackingKeys.totalsField('x', hour));
                    }
                }
            }
            sums.add(sum);
            String[] hyperLogLogs = logs.toArray(String[]::new);
            visitors.add(sum[0] == 0 ? CompletableFuture.completedFuture(0L)
                    : exact ? unionSize(sets).thenCompose(size -> size >= 0 ? CompletableFuture.completedFuture(size)
                    : redis.pfcount(hyperLogLogs)) : redis.pfcount(hyperLogLogs));
        }
        List<Totals> totals = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            long[] sum = sums.get(i);
            totals.add(new Totals(sum[0], sum[1], sum[2], sum[3], sum[4], await(visitors.get(i))));
        }
        return totals;
    }

    /**
     * The breakdown of whole UTC days [start, end), sorted by visitors. A value's visitors never exceed its visits
     * (both are counted when a visit first meets the value), so values are taken in order of visits and their
     * visitors counted from the per-value HyperLogLogs, a round at a time, until no later value can enter the top
     * {@code limit}: usually one or two rounds. At most {@code limit + }{@value #EXTRA_CANDIDATES} values are
     * counted, each costing one PFCOUNT over the range's days.
     */
    List<Breakdown.Row> breakdown(TrackingKeys keys, Dimension dimension, long start, long end, int limit) {
        List<String> days = Days.overlapping(start, end);
        String[] zsets = days.stream().map(day -> keys.breakdown(day, dimension.name())).toArray(String[]::new);
        Map<String, long[]> values = new HashMap<>();
        for (ScoredValue<String> member : await(redis.zunionWithScores(zsets))) {
            String name = member.getValue();
            int metric = name.startsWith(TrackingKeys.VISITS) ? 0 : name.startsWith(TrackingKeys.PAGEVIEWS) ? 1
                    : name.startsWith(TrackingKeys.EVENTS) ? 2 : -1;
            if (metric >= 0) {
                values.computeIfAbsent(name.substring(2), v -> new long[3])[metric] += Math.round(member.getScore());
            }
        }
        values.values().removeIf(counts -> counts[0] <= 0 && counts[1] <= 0 && counts[2] <= 0);
        List<Map.Entry<String, long[]>> byVisits = new ArrayList<>(values.entrySet());
        byVisits.sort(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
                .thenComparingLong(e -> -e.getValue()[1]).thenComparing(Map.Entry::getKey));
        if (dimension.kind() == Dimension.Kind.EXIT_PAGE) {
            return byVisits.stream().limit(limit)
                    .map(e -> new Breakdown.Row(e.getKey(), e.getValue()[0], null, null)).toList();
        }
        int most = Math.min(byVisits.size(), limit + EXTRA_CANDIDATES);
        List<Breakdown.Row> rows = new ArrayList<>();
        int counted = 0;
        while (counted < most && (rows.size() < limit || byVisits.get(counted).getValue()[0] >= kth(rows, limit))) {
            List<Map.Entry<String, long[]>> round = byVisits.subList(counted, roundEnd(byVisits, rows, counted,
                    Math.min(most, counted + limit), limit));
            List<RedisFuture<Long>> counts = new ArrayList<>(round.size());
            for (Map.Entry<String, long[]> value : round) {
                counts.add(redis.pfcount(days.stream()
                        .map(day -> keys.breakdownVisitors(day, dimension.name(), value.getKey()))
                        .toArray(String[]::new)));
            }
            for (int i = 0; i < round.size(); i++) {
                long[] c = round.get(i).getValue();
                rows.add(new Breakdown.Row(round.get(i).getKey(), await(counts.get(i)), c[1], c[2]));
            }
            counted += round.size();
            rows.sort(Breakdown.ORDER);
        }
        return rows.subList(0, Math.min(limit, rows.size()));
    }

    /**
     * Where a round of candidates from {@code from} ends: the first round takes up to {@code limit} of them; a later
     * one only those whose visits reach the limit-th row's visitors, since a value never has more visitors than
     * visits and the others cannot enter.
     */
    private static int roundEnd(List<Map.Entry<String, long[]>> byVisits, List<Breakdown.Row> rows, int from,
                                int end, int limit) {
        if (rows.size() < limit) {
            return end;
        }
        long kth = kth(rows, limit);
        int last = from;
        while (last < end && byVisits.get(last).getValue()[0] >= kth) {
            last++;
        }
        return last;
    }

    /** The visitors of the limit-th row so far. */
    private static long kth(List<Breakdown.Row> sorted, int limit) {
        return sorted.get(limit - 1).visitors();
    }

    /** Visitors whose last event is at or after {@code since}; the live set spans the last 30 minutes. */
    long visitorsSince(TrackingKeys keys, long since) {
        return await(redis.zcount(keys.live(), Range.create((double) since, Double.POSITIVE_INFINITY)));
    }

    /** Page views per minute start in [from, to), from the realtime minute counters. */
    Map<Long, Long> pageviewsPerMinute(TrackingKeys keys, long from, long to) {
        Map<Long, RedisFuture<Map<String, String>>> hours = new LinkedHashMap<>();
        for (long hour = Math.floorDiv(from, UtcDays.HOUR) * UtcDays.HOUR; hour < to; hour += UtcDays.HOUR) {
            hours.put(hour, redis.hgetall(keys.minutes(UtcDays.day(hour) + UtcDays.hour(hour))));
        }
        Map<Long, Long> minutes = new HashMap<>();
        hours.forEach((hour, future) -> await(future).forEach((minute, count) -> {
            long start = hour + Long.parseLong(minute) * 60_000L;
            if (start >= from && start < to) {
                minutes.merge(start, Long.parseLong(count), Long::sum);
            }
        }));
        return minutes;
    }

    private CompletionStage<Long> unionSize(List<String> sets) {
        if (sets.size() == 1) {
            return redis.scard(sets.get(0));
        }
        return redis.eval(UNION_SIZE, ScriptOutputType.INTEGER, sets.toArray(String[]::new),
                Integer.toString(maxUnionMembers));
    }

    private static void add(long[] sum, Map<String, String> hash, String hour) {
        for (int m = 0; m < METRICS.length; m++) {
            String value = hash.get(TrackingKeys.totalsField(METRICS[m], hour));
            if (value != null) {
                sum[m] += Long.parseLong(value);
            }
        }
    }

    private static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("Interrupted while reading statistics", 1);
        } catch (ExecutionException e) {
            throw ProblemException.unavailable("Statistics cannot be read: " + e.getCause().getMessage(), 2);
        } catch (TimeoutException e) {
            throw ProblemException.timeout("Reading statistics took longer than " + TIMEOUT_SECONDS + " s");
        }
    }

    /** A span of time [start, end), epoch ms. */
    record Span(long start, long end) {
    }
}
