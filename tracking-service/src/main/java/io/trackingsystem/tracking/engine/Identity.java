package io.trackingsystem.tracking.engine;

/**
 * One shared array holding 0, 1, 2, ...: the event list of a scan that walks every event, so that scans with and
 * without a narrowed list run the same loop. Grown to the largest day asked for, never written once handed out.
 */
final class Identity {

    private static volatile int[] values = new int[0];

    private Identity() {
    }

    /** An array of at least {@code size} elements with {@code a[i] == i}. */
    static int[] upTo(int size) {
        int[] known = values;
        if (known.length >= size) {
            return known;
        }
        synchronized (Identity.class) {
            if (values.length < size) {
                int[] grown = new int[Math.max(size, values.length + values.length / 2)];
                for (int i = 0; i < grown.length; i++) {
                    grown[i] = i;
                }
                values = grown;
            }
            return values;
        }
    }
}
