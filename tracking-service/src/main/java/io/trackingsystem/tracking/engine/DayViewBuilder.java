package io.trackingsystem.tracking.engine;

import io.trackingsystem.tracking.blocks.EventBlock;
import io.trackingsystem.tracking.catalogue.Column;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link DayView} from a day's blocks: translates each block's dictionary codes into the site's, groups
 * the events by session key (a counting sort, the keys in visitor order), orders each key's events by time and id,
 * and cuts them into visits wherever the gap between two events exceeds the idle time. No answer depends on the
 * order the events arrived in.
 */
final class DayViewBuilder {

    private static final Column[] COLUMNS = Column.values();
    private static final int VISITOR = Column.VISITOR.ordinal();
    private static final int NAME = Column.NAME.ordinal();
    private static final int PATH = Column.PATH.ordinal();

    private DayViewBuilder() {
    }

    static DayView build(int epochDay, List<EventBlock> blocks, SiteCodes codes, long idle) {
        return build(epochDay, blocks, false, codes, idle);
    }

    /**
     * {@code owned}: the blocks were decoded for this build alone, so a lone block's code arrays may be translated
     * in place and kept, which spares the heap one copy of the day.
     */
    static DayView build(int epochDay, List<EventBlock> blocks, boolean owned, SiteCodes codes, long idle) {
        int size = 0;
        int pairs = 0;
        for (EventBlock block : blocks) {
            size += block.size();
            pairs += block.propertyStart(block.size());
        }
        long[] ids = new long[size];
        int[] times = new int[size];
        boolean inPlace = owned && blocks.size() == 1;
        int[][] columns = new int[COLUMNS.length][];
        for (int c = 0; c < COLUMNS.length; c++) {
            columns[c] = inPlace ? blocks.get(0).codes(COLUMNS[c]) : new int[size];
        }
        int[] propertyCount = new int[size];
        int[] keyOf = new int[size];
        int[] rawKeys = new int[pairs];
        int[] rawValues = new int[pairs];
        int[] rawStart = new int[size + 1];
        Ranks ranks = new Ranks();

        int at = 0;
        int pair = 0;
        for (EventBlock block : blocks) {
            int[][] translate = new int[COLUMNS.length][];
            for (Column column : COLUMNS) {
                String[] dictionary = block.dictionary(column);
                int[] map = new int[dictionary.length];
                Codes target = codes.of(column);
                for (int i = 0; i < dictionary.length; i++) {
                    map[i] = target.code(dictionary[i]);
                }
                translate[column.ordinal()] = map;
            }
            int[] keyMap = translateAll(block.propertyKeyDictionary(), codes.propertyKeys());
            int[] valueMap = translateAll(block.propertyValueDictionary(), codes.propertyValues());
            String[] sessionIds = block.dictionary(Column.SESSION_ID);
            int[] sidRank = new int[sessionIds.length];
            for (int i = 0; i < sessionIds.length; i++) {
                sidRank[i] = sessionIds[i].isEmpty() ? DayView.NONE : ranks.ofSession(sessionIds[i]);
            }
            // given session ids first, from the block's own codes, which a lone owned block translates in place
            int from = at;
            int[] sessionCodes = block.codes(Column.SESSION_ID);
            for (int e = 0; e < block.size(); e++) {
                keyOf[from + e] = sidRank[sessionCodes[e]];
            }
            // column by column: each loop is a plain gather the JIT keeps tight
            for (int c = 0; c < COLUMNS.length; c++) {
                int[] map = translate[c];
                int[] source = block.codes(COLUMNS[c]);
                int[] target = columns[c];
                for (int e = 0; e < block.size(); e++) {
                    target[from + e] = map[source[e]];
                }
            }
            int[] visitorsOfBlock = columns[VISITOR];
            for (int e = 0; e < block.size(); e++) {
                if (keyOf[from + e] == DayView.NONE) {
                    keyOf[from + e] = ranks.ofVisitor(visitorsOfBlock[from + e]);
                }
            }
            for (int e = 0; e < block.size(); e++, at++) {
                ids[at] = block.id(e);
                times[at] = block.timeInDay(e);
                rawStart[at] = pair;
                int count = block.propertyCount(e);
                propertyCount[at] = count;
                for (int p = 0; p < count; p++, pair++) {
                    int source = block.propertyStart(e) + p;
                    rawKeys[pair] = keyMap[block.propertyKeyCode(source)];
                    rawValues[pair] = valueMap[block.propertyValueCode(source)];
                }
            }
        }
        rawStart[size] = pair;
        ranks.byVisitor(keyOf, columns[VISITOR]);

        int[] order = visitOrder(keyOf, ranks.size(), times, ids);
        long[] sortedIds = new long[size];
        int[] sortedTimes = new int[size];
        int[][] sortedColumns = new int[COLUMNS.length][];
        int[] propertyStart = new int[size + 1];
        int[] propertyKeys = new int[pairs];
        int[] propertyValues = new int[pairs];
        int written = 0;
        for (int c = 0; c < COLUMNS.length; c++) {
            if (!DayView.keepsPerEvent(COLUMNS[c])) {
                continue;
            }
            int[] source = columns[c];
            int[] target = new int[size];
            sortedColumns[c] = target;
            for (int i = 0; i < size; i++) {
                target[i] = source[order[i]];
            }
        }
        for (int i = 0; i < size; i++) {
            int source = order[i];
            sortedIds[i] = ids[source];
            sortedTimes[i] = times[source];
            propertyStart[i] = written;
            for (int p = rawStart[source]; p < rawStart[source] + propertyCount[source]; p++) {
                propertyKeys[written] = rawKeys[p];
                propertyValues[written++] = rawValues[p];
            }
        }
        propertyStart[size] = written;
        int[] sortedKeys = new int[size];
        for (int i = 0; i < size; i++) {
            sortedKeys[i] = keyOf[order[i]];
        }
        return visits(epochDay, size, sortedIds, sortedTimes, sortedColumns, columns, order, propertyStart,
                propertyKeys, propertyValues, sortedKeys, ranks, codes, idle);
    }

    private static int[] translateAll(String[] dictionary, Codes target) {
        int[] map = new int[dictionary.length];
        for (int i = 0; i < dictionary.length; i++) {
            map[i] = target.code(dictionary[i]);
        }
        return map;
    }

    /** Positions grouped by key rank (counting sort), each group in (time, id) order. */
    private static int[] visitOrder(int[] keyOf, int keys, int[] times, long[] ids) {
        int size = keyOf.length;
        int[] start = new int[keys + 1];
        for (int key : keyOf) {
            start[key + 1]++;
        }
        for (int k = 0; k < keys; k++) {
            start[k + 1] += start[k];
        }
        int[] next = Arrays.copyOf(start, keys);
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[next[keyOf[i]]++] = i;
        }
        for (int k = 0; k < keys; k++) {
            sortGroup(order, start[k], start[k + 1], times, ids);
        }
        return order;
    }

    private static void sortGroup(int[] order, int from, int to, int[] times, long[] ids) {
        int length = to - from;
        if (length < 2) {
            return;
        }
        if (length <= 24) {
            for (int i = from + 1; i < to; i++) {
                int moving = order[i];
                int j = i - 1;
                while (j >= from && before(moving, order[j], times, ids)) {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = moving;
            }
            return;
        }
        long[] packed = new long[length];
        for (int i = 0; i < length; i++) {
            packed[i] = ((long) times[order[from + i]] << 32) | (order[from + i] & 0xFFFFFFFFL);
        }
        Arrays.sort(packed);
        for (int i = 0; i < length; i++) {
            order[from + i] = (int) packed[i];
        }
        TimeOrder.breakTies(order, from, to, times, ids);
    }

    private static boolean before(int a, int b, int[] times, long[] ids) {
        return times[a] < times[b] || (times[a] == times[b] && ids[a] < ids[b]);
    }

    /**
     * Cuts each key's events into visits and describes each visit. {@code columns} are in visit order (only those
     * a view keeps per event), {@code unsorted} in the blocks' order, {@code order} maps the one to the other.
     */
    private static DayView visits(int epochDay, int size, long[] ids, int[] times, int[][] columns,
                                  int[][] unsorted, int[] order, int[] propertyStart, int[] propertyKeys,
                                  int[] propertyValues, int[] keys, Ranks ranks, SiteCodes codes, long idle) {
        int[] visitOf = new int[size];
        int[] first = new int[Math.max(1, size)];
        int visits = 0;
        for (int i = 0; i < size; i++) {
            if (i == 0 || keys[i] != keys[i - 1] || times[i] - (long) times[i - 1] > idle) {
                first[visits++] = i;
            }
            visitOf[i] = visits - 1;
        }
        int[] visitFirst = Arrays.copyOf(first, visits);
        int[] visitEnd = new int[visits];
        int[] pageviews = new int[visits];
        int[] entry = new int[visits];
        int[] exit = new int[visits];
        Column[] attributes = Column.VISIT_ATTRIBUTES;
        int[][] visitAttributes = new int[attributes.length][visits];
        Map<String, Integer> heads = new HashMap<>();
        Map<String, Integer> tails = new HashMap<>();
        String[] visitKeys = new String[visits];
        int pageview = codes.pageview();
        int emptyPath = codes.empty();
        int[] names = columns[NAME];
        int[] paths = columns[PATH];
        for (int v = 0; v < visits; v++) {
            int from = visitFirst[v];
            int to = v + 1 < visits ? visitFirst[v + 1] : size;
            visitEnd[v] = to;
            entry[v] = DayView.NONE;
            exit[v] = DayView.NONE;
            for (int i = from; i < to; i++) {
                if (names[i] == pageview) {
                    pageviews[v]++;
                    if (paths[i] != emptyPath) {
                        if (entry[v] == DayView.NONE) {
                            entry[v] = paths[i];
                        }
                        exit[v] = paths[i];
                    }
                }
            }
            for (int a = 0; a < attributes.length; a++) {
                visitAttributes[a][v] = unsorted[attributes[a].ordinal()][order[from]];
            }
            boolean head = times[from] < idle;
            boolean tail = times[to - 1] >= DayView.DAY - idle;
            if (head || tail) {
                String key = ranks.keyOf(keys[from], codes);
                visitKeys[v] = key;
                if (head) {
                    heads.put(key, v);
                }
                if (tail) {
                    tails.put(key, v);
                }
            }
        }
        return new DayView(epochDay, size, ids, times, visitOf, columns, propertyStart, propertyKeys,
                propertyValues, visits, visitFirst, visitEnd, pageviews, entry, exit, visitAttributes, heads, tails,
                visitKeys);
    }

    /**
     * Dense ranks of the day's session keys: a given session id ("i:" + id) or, without one, the visitor
     * ("v:" + visitor id).
     */
    private static final class Ranks {
        private final Map<String, Integer> sessions = new HashMap<>();
        /** Visitor code → rank + 1 (0: none yet); grown as codes come. */
        private int[] visitors = new int[1024];
        private String[] sessionOf = new String[64];
        private int[] visitorOf = new int[64];
        private int size;
        private boolean closed;

        int ofSession(String sessionId) {
            Integer rank = sessions.get(sessionId);
            if (rank == null) {
                rank = add(sessionId, DayView.NONE);
                sessions.put(sessionId, rank);
            }
            return rank;
        }

        int ofVisitor(int visitor) {
            if (visitor >= visitors.length) {
                visitors = Arrays.copyOf(visitors, Math.max(visitors.length * 2, visitor + 1));
            }
            int rank = visitors[visitor] - 1;
            if (rank < 0) {
                rank = add(null, visitor);
                visitors[visitor] = rank + 1;
            }
            return rank;
        }

        int size() {
            return size;
        }

        /**
         * Renumbers the ranks in order of their visitor code (a given session id takes the least code among its
         * events), so that the day's visits, and so its events, come in visitor order: kernels that gather by
         * visitor then read and write memory nearly in sequence. {@code keyOf} is renumbered in place. The last
         * step of adding ranks: after it they are only read ({@link #keyOf}).
         */
        void byVisitor(int[] keyOf, int[] visitorOfEvent) {
            long[] packed = new long[size];
            for (int rank = 0; rank < size; rank++) {
                packed[rank] = (long) (sessionOf[rank] == null ? visitorOf[rank] : Integer.MAX_VALUE) << 32 | rank;
            }
            for (int e = 0; e < keyOf.length; e++) {
                int rank = keyOf[e];
                if (sessionOf[rank] != null) {
                    long least = Math.min(packed[rank] >>> 32, visitorOfEvent[e]);
                    packed[rank] = least << 32 | rank;
                }
            }
            Arrays.sort(packed);
            int[] renumbered = new int[size];
            String[] sessions = new String[sessionOf.length];
            int[] visitorsOfRank = new int[visitorOf.length];
            for (int i = 0; i < size; i++) {
                int rank = (int) packed[i];
                renumbered[rank] = i;
                sessions[i] = sessionOf[rank];
                visitorsOfRank[i] = visitorOf[rank];
            }
            for (int e = 0; e < keyOf.length; e++) {
                keyOf[e] = renumbered[keyOf[e]];
            }
            sessionOf = sessions;
            visitorOf = visitorsOfRank;
            closed = true;
        }

        String keyOf(int rank, SiteCodes codes) {
            String session = sessionOf[rank];
            return session != null ? "i:" + session : "v:" + codes.of(Column.VISITOR).value(visitorOf[rank]);
        }

        private int add(String session, int visitor) {
            if (closed) {
                throw new IllegalStateException("ranks renumbered by visitor take no more keys");
            }
            if (size == sessionOf.length) {
                sessionOf = Arrays.copyOf(sessionOf, size * 2);
                visitorOf = Arrays.copyOf(visitorOf, size * 2);
            }
            sessionOf[size] = session;
            visitorOf[size] = visitor;
            return size++;
        }
    }
}
