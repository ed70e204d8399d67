package io.trackingsystem.tracking.storage;

import io.trackingsystem.tracking.pipeline.Dedupe;
import io.trackingsystem.tracking.pipeline.Hashes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One dedupe generation's fingerprints: a linear hash table inside one Redis hash (docs/data-model.md, "Dedupe").
 * Field {@code <b>} is bucket b, the 16-character fingerprints that fall in it side by side; {@link #LEVEL},
 * {@link #SPLIT}, {@link #COUNT} and {@link #VERSION} are its layout. The store reads the buckets a batch needs,
 * works out here what the batch finds and changes, and writes the changed buckets with a script that first checks
 * the table's version is still the one read, so a table only ever changes by whole batches.
 */
final class FingerprintTable {

    /** Fingerprints per bucket above which a bucket is split; a field then shares its overhead among about 18. */
    static final int LOAD = 24;
    /** The hash has 24 bits, so a table has at most 2^24 + 2^24 buckets; past that buckets just grow. */
    static final int MAX_LEVEL = 24;
    static final int WIDTH = Dedupe.FINGERPRINT_CHARS;
    static final String LEVEL = "level";
    static final String SPLIT = "split";
    static final String COUNT = "count";
    static final String VERSION = "v";
    static final List<String> LAYOUT_FIELDS = List.of(LEVEL, SPLIT, COUNT, VERSION);

    private FingerprintTable() {
    }

    /**
     * A table's shape: {@code 2^level + split} buckets, {@code count} fingerprints; {@code version} counts the batches
     * written, 0 for a table that does not exist.
     */
    record Layout(int level, int split, long count, long version) {

        static final Layout EMPTY = new Layout(0, 0, 0, 0);

        /** From the values of {@link #LAYOUT_FIELDS}, in order; null values for a table that does not exist. */
        static Layout of(List<String> values) {
            if (values.get(0) == null) {
                return EMPTY;
            }
            return new Layout(Integer.parseInt(values.get(0)), Integer.parseInt(values.get(1)),
                    Long.parseLong(values.get(2)), Long.parseLong(values.get(3)));
        }

        boolean exists() {
            return version > 0;
        }

        int bucketOf(String fingerprint) {
            int hash = hash(fingerprint, 0);
            int size = 1 << level;
            int bucket = hash & (size - 1);
            return bucket < split ? hash & (2 * size - 1) : bucket;
        }

        /**
         * The splits, in order, that keep the table within {@link #LOAD} per bucket once it holds {@code adding}
         * more, and the layout after them and the batch.
         */
        Plan plan(int adding) {
            List<Split> splits = new ArrayList<>();
            int l = level;
            int s = split;
            while (count + adding > (long) LOAD * ((1L << l) + s) && l < MAX_LEVEL) {
                splits.add(new Split(s, s + (1 << l), l));
                s++;
                if (s == 1 << l) {
                    l++;
                    s = 0;
                }
            }
            return new Plan(splits, new Layout(l, s, count + adding, version + 1));
        }
    }

    /** What adding a batch does to a table's shape: its splits in order, then the layout it leaves. */
    record Plan(List<Split> splits, Layout after) {
    }

    /** Bucket {@code source} of a table at {@code level}: its fingerprints with that bit of their hash set move on. */
    record Split(int source, int target, int level) {
    }

    /** What a batch does to the current table: the buckets it changes, by field, and the layout after it. */
    record Change(Map<String, String> buckets, Layout layout) {
    }

    /** 24 bits of a fingerprint (base64url of a hash, so uniform): its first four characters, from {@code at}. */
    static int hash(CharSequence text, int at) {
        int hash = 0;
        for (int i = at; i < at + 4; i++) {
            hash = hash * 64 + Hashes.base64Digit(text.charAt(i));
        }
        return hash;
    }

    /** Whether a bucket's text holds the fingerprint at one of its 16-character places. */
    static boolean holds(String text, String fingerprint) {
        if (text == null) {
            return false;
        }
        for (int at = text.indexOf(fingerprint); at >= 0; at = text.indexOf(fingerprint, at + 1)) {
            if (at % WIDTH == 0) {
                return true;
            }
        }
        return false;
    }

    /** The buckets whose text a lookup of the fingerprints needs. */
    static Set<Integer> lookupBuckets(Layout layout, List<String> fingerprints) {
        Set<Integer> buckets = new LinkedHashSet<>();
        if (layout.exists()) {
            fingerprints.forEach(fingerprint -> buckets.add(layout.bucketOf(fingerprint)));
        }
        return buckets;
    }

    /** The buckets a lookup of the fingerprints and their write into the table need: looked up, split and added to. */
    static Set<Integer> writeBuckets(Layout layout, Plan plan, List<String> fingerprints) {
        Set<Integer> buckets = lookupBuckets(layout, fingerprints);
        plan.splits().forEach(split -> buckets.add(split.source()));
        fingerprints.forEach(fingerprint -> buckets.add(plan.after().bucketOf(fingerprint)));
        return buckets;
    }

    /**
     * The table with the fingerprints added, none of which it holds: the splits first, so a bucket never grows past
     * its share, then each fingerprint appended to its bucket. {@code texts} has the text of every bucket of
     * {@link #writeBuckets}, none for an empty one.
     */
    static Change add(Plan plan, Map<Integer, String> texts, List<String> fingerprints) {
        Map<Integer, String> buckets = new HashMap<>(texts);
        Set<Integer> changed = new LinkedHashSet<>();
        for (Split split : plan.splits()) {
            String text = buckets.getOrDefault(split.source(), "");
            StringBuilder stay = new StringBuilder(text.length());
            StringBuilder move = new StringBuilder(text.length());
            for (int at = 0; at < text.length(); at += WIDTH) {
                boolean moves = (hash(text, at) >>> split.level() & 1) == 1;
                (moves ? move : stay).append(text, at, at + WIDTH);
            }
            buckets.put(split.source(), stay.toString());
            buckets.put(split.target(), move.toString());
            changed.add(split.source());
            changed.add(split.target());
        }
        Layout after = plan.after();
        for (String fingerprint : fingerprints) {
            int bucket = after.bucketOf(fingerprint);
            String text = buckets.get(bucket);
            buckets.put(bucket, text == null ? fingerprint : text + fingerprint);
            changed.add(bucket);
        }
        Map<String, String> fields = new HashMap<>();
        changed.forEach(bucket -> fields.put(Integer.toString(bucket), buckets.get(bucket)));
        return new Change(fields, after);
    }
}
