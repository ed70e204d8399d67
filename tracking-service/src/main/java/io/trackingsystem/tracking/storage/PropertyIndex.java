package io.trackingsystem.tracking.storage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The custom property keys broken down on one day ({@code P:pk:<day>}), as read before a batch, and the keys the
 * batch admits. A key is broken down when the day already has it, or while the day has fewer than
 * {@code PROPERTY_KEYS_PER_DAY} keys; the first keys in event order win. The set only grows, so the decision stays
 * right as long as the set still has room for the admitted keys when the batch is written: the apply script
 * checks exactly that.
 */
final class PropertyIndex {

    final String key;
    private final long sizeBefore;
    private final Set<String> present;
    private final int limit;
    private final Map<String, String> verdicts = new HashMap<>();
    private final List<String> added = new ArrayList<>();

    /** {@code present}: the batch's keys that the day already has; {@code size}: how many keys the day has. */
    PropertyIndex(String key, long size, Set<String> present, int limit) {
        this.key = key;
        this.sizeBefore = size;
        this.present = present;
        this.limit = limit;
    }

    /** The breakdown dimension of the property key ({@code property:<key>}), or null when it is not broken down. */
    String admit(String propertyKey) {
        String verdict = verdicts.get(propertyKey);
        if (verdict == null && !verdicts.containsKey(propertyKey)) {
            if (present.contains(propertyKey)) {
                verdict = "property:" + propertyKey;
            } else if (sizeBefore + added.size() < limit) {
                verdict = "property:" + propertyKey;
                added.add(propertyKey);
            }
            verdicts.put(propertyKey, verdict);
        }
        return verdict;
    }

    List<String> added() {
        return added;
    }

    /** The largest SCARD at write time for which every admitted key is still admitted. */
    long maxSizeAtWrite() {
        return limit - added.size();
    }
}
