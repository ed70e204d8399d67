package io.trackingsystem.tracking.engine;

import io.trackingsystem.tracking.storage.StorageUnavailableException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/**
 * One question over one site's events in [from, to): reads the UTC days it covers (refreshing what the replica
 * knows of them), compiles its filters and runs a per-day computation over the days side by side. The kernels
 * ({@link Totals}, {@link Breakdowns}, ...) are such computations and merge their days' parts.
 */
public final class SiteQuery {

    private static final long DAY = DayView.DAY;

    private final SiteData data;
    private final long from;
    private final long to;
    private final List<Filter> filters;
    private final ExecutorService pool;
    private final Summaries summaries;
    private final int threads;
    private final long now;
    private final Sessions sessions;
    private List<DayView> views;
    private CompiledQuery compiled;
    private int visitors;

    SiteQuery(SiteData data, long from, long to, List<Filter> filters, ExecutorService pool, Summaries summaries,
              int threads, long now) {
        this.data = data;
        this.from = from;
        this.to = to;
        this.filters = List.copyOf(filters);
        this.pool = pool;
        this.summaries = summaries;
        this.threads = threads;
        this.now = now;
        this.sessions = new Sessions(data::view, data.idle());
    }

    public long from() {
        return from;
    }

    public long to() {
        return to;
    }

    long now() {
        return now;
    }

    Summaries summaries() {
        return summaries;
    }

    ExecutorService pool() {
        return pool;
    }

    int threads() {
        return threads;
    }

    /** Visitor codes handed out when the days were read: every visitor of the scan is below it. */
    int visitorCount() {
        load();
        return visitors;
    }

    SiteCodes codes() {
        return data.codes();
    }

    Sessions sessions() {
        return sessions;
    }

    /** The days of the range that have events, oldest first. */
    List<DayView> views() {
        load();
        return views;
    }

    /** Whether a filter names a value the site never had, so that nothing matches. */
    boolean impossible() {
        load();
        return compiled.impossible;
    }

    /** Runs {@code perDay} over every day of the range with events, side by side; the parts in day order. */
    <T> List<T> scan(Function<DayScan, T> perDay) {
        load();
        if (compiled.impossible) {
            return List.of();
        }
        List<CompletableFuture<T>> parts = new ArrayList<>(views.size());
        for (DayView view : views) {
            parts.add(CompletableFuture.supplyAsync(
                    () -> perDay.apply(new DayScan(view, sessions, data.codes(), compiled, from, to)), pool));
        }
        List<T> results = new ArrayList<>(parts.size());
        for (CompletableFuture<T> part : parts) {
            results.add(join(part));
        }
        return results;
    }

    /** A scan of one day, on the calling thread. */
    DayScan day(DayView view) {
        load();
        return new DayScan(view, sessions, data.codes(), compiled, from, to);
    }

    private synchronized void load() {
        if (views != null) {
            return;
        }
        List<Integer> days = new ArrayList<>();
        for (long day = Math.floorDiv(from, DAY); day * DAY < to; day++) {
            days.add((int) day);
        }
        data.refresh(days, now);
        for (int attempt = 0; ; attempt++) {
            try {
                List<CompletableFuture<DayView>> loading = new ArrayList<>();
                for (int day : days) {
                    loading.add(CompletableFuture.supplyAsync(() -> data.view(day), pool));
                }
                List<DayView> loaded = new ArrayList<>();
                for (CompletableFuture<DayView> view : loading) {
                    DayView day = join(view);
                    if (day != null) {
                        loaded.add(day);
                    }
                }
                followBeyondTheRange(loaded);
                views = loaded;
                break;
            } catch (SiteData.SegmentMovedException moved) {
                if (attempt > 0) {
                    throw new StorageUnavailableException("stored events moved twice while being read", moved);
                }
                data.refresh(days, System.currentTimeMillis());
            }
        }
        compiled = CompiledQuery.of(filters, data.codes());
        visitors = data.codes().of(io.trackingsystem.tracking.catalogue.Column.VISITOR).size();
    }

    /**
     * Follows the sessions of the first and last day into the days beyond the range now, before the filters are
     * compiled and the kernels size their counts by the dictionaries: a session's earliest event may lie on a day
     * outside the range, and its values (a source, an entry page) enter the dictionaries only when that day is
     * read. Sessions of the days between stay within the range or pass through its first or last day.
     */
    private void followBeyondTheRange(List<DayView> loaded) {
        if (!loaded.isEmpty()) {
            sessions.linksOf(loaded.get(0));
            sessions.linksOf(loaded.get(loaded.size() - 1));
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
