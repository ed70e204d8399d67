package io.trackingsystem.tracking.engine;

import io.trackingsystem.tracking.catalogue.Column;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whole sessions over the days of a query. Within a day a session is one visit of its {@link DayView}; a session
 * that runs over midnight is the chain of its day parts, a day's last visit of a key continued by the next day's
 * first when the gap between them is within the idle time. A chain is followed as far as it goes, loading the
 * days beyond the query's range when it reaches them, so a session is the same whatever range shows it: it begins
 * at its earliest event, takes its source and UTM values from that event, its entry page from its earliest page
 * view and its exit page from its latest, and counts all its events.
 *
 * <p>The values of a visit that is not part of a chain are its own; {@link #chain} answers null for it, cheaply.
 */
final class Sessions {

    /** A day's view, or null when the site has no events that day. */
    @FunctionalInterface
    interface Days {
        DayView day(int epochDay);
    }

    /** One session of two or more day parts. */
    record Chain(int originDay, int originVisit, long start, long last, int events, int pageviews, int entry,
                 int exit, int[] attributes) {
    }

    /** Marks a candidate visit found to be a whole session by itself. */
    private static final Chain ALONE = new Chain(0, 0, 0, 0, 0, 0, 0, 0, new int[0]);

    private final Days days;
    private final long idle;
    /** Per day: the chain of each of its candidate visits ({@link DayView#candidates}), or {@link #ALONE}. */
    private final Map<DayView, Chain[]> chains = new ConcurrentHashMap<>();

    /**
     * A day's chains as worked out for an earlier query, kept with the day: valid while every day they were
     * followed into is still the same view.
     */
    static final class Linked {
        private final Chain[] chains;
        private final List<DayView> followed;

        Linked(Chain[] chains, List<DayView> followed) {
            this.chains = chains;
            this.followed = followed;
        }

        boolean stillHolds(Days days) {
            for (DayView day : followed) {
                if (days.day(day.epochDay) != day) {
                    return false;
                }
            }
            return true;
        }
    }

    Sessions(Days days, long idle) {
        this.days = days;
        this.idle = idle;
    }

    /** A day's view, for following a session into it. */
    DayView view(int epochDay) {
        return days.day(epochDay);
    }

    /** The links the day's sessions of several days are worked out under now: what a day's summary depends on. */
    Object linksOf(DayView view) {
        chains.computeIfAbsent(view, this::follow);
        return view.linked;
    }

    /** The chain the visit belongs to, or null when the visit is a whole session by itself. */
    Chain chain(DayView view, int visit) {
        int candidate = view.candidateOf[visit];
        if (candidate < 0) {
            return null;
        }
        Chain chain = chains.computeIfAbsent(view, this::follow)[candidate];
        return chain == ALONE ? null : chain;
    }

    /** Every candidate visit of the day followed to its session, at once, or as an earlier query found them. */
    private Chain[] follow(DayView view) {
        Linked known = view.linked;
        if (known != null && known.stillHolds(days)) {
            return known.chains;
        }
        List<DayView> followed = new ArrayList<>();
        Days recording = day -> {
            DayView found = days.day(day);
            if (found != null && !followed.contains(found)) {
                followed.add(found);
            }
            return found;
        };
        Chain[] all = new Chain[view.candidates.length];
        for (int i = 0; i < all.length; i++) {
            Chain chain = follow(view, view.candidates[i], recording);
            all[i] = chain == null ? ALONE : chain;
        }
        view.linked = new Linked(all, List.copyOf(followed));
        return all;
    }

    long start(DayView view, int visit) {
        Chain chain = chain(view, visit);
        return chain != null ? chain.start : view.visitStart(visit);
    }

    /** The value of {@code Column.VISIT_ATTRIBUTES[index]} for the visit's session. */
    int attribute(DayView view, int visit, int index) {
        Chain chain = chain(view, visit);
        return chain != null ? chain.attributes[index] : view.visitAttributes[index][visit];
    }

    int entry(DayView view, int visit) {
        Chain chain = chain(view, visit);
        return chain != null ? chain.entry : view.visitEntry[visit];
    }

    int exit(DayView view, int visit) {
        Chain chain = chain(view, visit);
        return chain != null ? chain.exit : view.visitExit[visit];
    }

    /** Exactly one page view and no other event, over the whole session. */
    boolean bounced(DayView view, int visit) {
        Chain chain = chain(view, visit);
        return chain != null ? chain.events == 1 && chain.pageviews == 1
                : view.visitEvents(visit) == 1 && view.visitPageviews[visit] == 1;
    }

    long duration(DayView view, int visit) {
        Chain chain = chain(view, visit);
        return chain != null ? chain.last - chain.start : view.visitLast(visit) - view.visitStart(visit);
    }

    /** The day and visit where the session begins: the visit itself unless it continues one. */
    long origin(DayView view, int visit) {
        Chain chain = chain(view, visit);
        return chain != null ? part(chain.originDay, chain.originVisit) : part(view.epochDay, visit);
    }

    static int originDay(long origin) {
        return (int) (origin >> 32);
    }

    static int originVisit(long origin) {
        return (int) origin;
    }

    private Chain follow(DayView view, int visit, Days days) {
        List<DayView> views = new ArrayList<>();
        List<Integer> visits = new ArrayList<>();
        DayView day = view;
        int at = visit;
        while (true) {
            DayView previous = linkedBefore(day, at, days);
            if (previous == null) {
                break;
            }
            at = previous.tails.get(day.keys[at]);
            day = previous;
        }
        views.add(day);
        visits.add(at);
        while (true) {
            DayView next = linkedAfter(day, at, days);
            if (next == null) {
                break;
            }
            at = next.heads.get(day.keys[at]);
            day = next;
            views.add(day);
            visits.add(at);
        }
        if (views.size() == 1) {
            return null;
        }
        DayView origin = views.get(0);
        int originVisit = visits.get(0);
        int events = 0;
        int pageviews = 0;
        int entry = DayView.NONE;
        int exit = DayView.NONE;
        for (int i = 0; i < views.size(); i++) {
            DayView part = views.get(i);
            int v = visits.get(i);
            events += part.visitEvents(v);
            pageviews += part.visitPageviews[v];
            if (entry == DayView.NONE) {
                entry = part.visitEntry[v];
            }
            if (part.visitExit[v] != DayView.NONE) {
                exit = part.visitExit[v];
            }
        }
        int[] attributes = new int[Column.VISIT_ATTRIBUTES.length];
        for (int a = 0; a < attributes.length; a++) {
            attributes[a] = origin.visitAttributes[a][originVisit];
        }
        DayView last = views.get(views.size() - 1);
        return new Chain(origin.epochDay, originVisit, origin.visitStart(originVisit),
                last.visitLast(visits.get(visits.size() - 1)), events, pageviews, entry, exit, attributes);
    }

    /** The previous day, when the visit continues a session of it. */
    private DayView linkedBefore(DayView day, int visit, Days days) {
        String key = day.keys[visit];
        if (key == null || !Integer.valueOf(visit).equals(day.heads.get(key))) {
            return null;
        }
        DayView previous = days.day(day.epochDay - 1);
        if (previous == null) {
            return null;
        }
        Integer tail = previous.tails.get(key);
        return tail != null && day.visitStart(visit) - previous.visitLast(tail) <= idle ? previous : null;
    }

    /** The next day, when the visit's session goes on into it. */
    private DayView linkedAfter(DayView day, int visit, Days days) {
        String key = day.keys[visit];
        if (key == null || !Integer.valueOf(visit).equals(day.tails.get(key))) {
            return null;
        }
        DayView next = days.day(day.epochDay + 1);
        if (next == null) {
            return null;
        }
        Integer head = next.heads.get(key);
        return head != null && next.visitStart(head) - day.visitLast(visit) <= idle ? next : null;
    }

    private static long part(int epochDay, int visit) {
        return ((long) epochDay << 32) | (visit & 0xFFFFFFFFL);
    }
}
