package io.trackingsystem.tracking.engine;

import io.trackingsystem.tracking.blocks.BlockFormat;
import io.trackingsystem.tracking.blocks.StoredEvent;
import io.trackingsystem.tracking.catalogue.Column;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ViewCacheTest {

    private static final int DAY = 20_400;
    private static final long IDLE = 30 * 60_000L;

    /** A site's data as the cache sees it: its name and its dictionaries. */
    private record Site(String site, SiteCodes codes) implements ViewCache.Owner {
        Site(String site) {
            this(site, new SiteCodes());
        }

        @Override
        public long bytes() {
            return codes.bytes();
        }

        /** A day of {@code events} events, each with its own visitor and path, put into the cache. */
        DayView put(ViewCache cache, int day, int events) {
            DayView view = view(day, events);
            cache.put(new ViewCache.Key(this, day), "s" + day, view);
            return view;
        }

        DayView view(int day, int events) {
            List<StoredEvent> stored = new ArrayList<>();
            long dayStart = day * 86_400_000L;
            for (int i = 0; i < events; i++) {
                String[] values = new String[Column.values().length];
                Arrays.fill(values, "");
                values[Column.NAME.ordinal()] = SiteCodes.PAGEVIEW;
                values[Column.VISITOR.ordinal()] = site + "-visitor-" + day + "-" + i;
                values[Column.PATH.ordinal()] = "/" + site + "/" + day + "/" + i;
                stored.add(new StoredEvent(day * 1_000_000L + i, dayStart + i * 1000L, values, new String[0],
                        new String[0]));
            }
            return DayViewBuilder.build(day, List.of(BlockFormat.decode(BlockFormat.encode(day, stored))), codes,
                    IDLE);
        }
    }

    /** What one day of {@code events} events of a new site of a five-letter name takes: its view, its codes. */
    private static long[] oneDay(int events) {
        Site probe = new Site("probe");
        return new long[]{probe.view(DAY, events).bytes(), probe.codes.bytes()};
    }

    @Test
    void theBoundCountsEachSitesDictionariesOnceBesideItsViews() {
        ViewCache cache = new ViewCache(Long.MAX_VALUE, owner -> { });
        Site site = new Site("first");
        DayView first = site.put(cache, DAY, 500);
        long afterOne = site.codes.bytes();
        DayView second = site.put(cache, DAY + 1, 500);

        assertThat(site.codes.bytes()).as("the second day's visitors and paths are new codes")
                .isGreaterThan(afterOne + 2 * 500 * Codes.ENTRY_BYTES);
        assertThat(cache.bytes()).isEqualTo(first.bytes() + second.bytes() + site.codes.bytes());
    }

    @Test
    void aSiteWhoseLastViewGoesOutIsReleasedAndNoLongerCounted() {
        List<ViewCache.Owner> released = new ArrayList<>();
        Site quiet = new Site("quiet");
        Site busy = new Site("busy_");
        long[] day = oneDay(400);
        long bound = (day[0] + day[1]) * 5 / 2;
        ViewCache cache = new ViewCache(bound, released::add);

        quiet.put(cache, DAY, 400);
        busy.put(cache, DAY, 400);
        assertThat(cache.holds(quiet)).isTrue();
        assertThat(released).isEmpty();

        DayView last = busy.put(cache, DAY + 1, 400);

        assertThat(released).containsExactly(quiet);
        assertThat(cache.holds(quiet)).isFalse();
        assertThat(cache.holds(busy)).isTrue();
        assertThat(cache.get(new ViewCache.Key(busy, DAY + 1), "s" + (DAY + 1))).isSameAs(last);
        assertThat(cache.get(new ViewCache.Key(quiet, DAY), "s" + DAY)).isNull();
        assertThat(cache.bytes()).isLessThanOrEqualTo(bound);
    }

    @Test
    void aSiteWithViewsLeftIsNotReleasedWhenOneGoesOut() {
        List<ViewCache.Owner> released = new ArrayList<>();
        Site site = new Site("first");
        Site other = new Site("other");
        long[] day = oneDay(300);
        // four days' views and codes pass it; a site's codes stay while it has a view, so one view out is enough
        ViewCache cache = new ViewCache(4 * (day[0] + day[1]) - day[0] / 2, released::add);

        site.put(cache, DAY, 300);
        site.put(cache, DAY + 1, 300);
        other.put(cache, DAY, 300);
        other.put(cache, DAY + 1, 300);

        assertThat(released).isEmpty();
        assertThat(cache.holds(site)).isTrue();
        assertThat(cache.get(new ViewCache.Key(site, DAY), "s" + DAY)).as("the least recently used went out")
                .isNull();
        assertThat(cache.get(new ViewCache.Key(site, DAY + 1), "s" + (DAY + 1))).isNotNull();
    }
}
