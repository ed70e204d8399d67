package io.trackingsystem.tracking.stats;

import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.CommandOutput;
import io.trackingsystem.tracking.storage.RawFields;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads an XRANGE/XREVRANGE reply of a raw stream straight into {@link RawEvent}s: each entry's one packed value
 * (see {@link RawFields}) is split on the separator byte as it arrives, without Lettuce's per-entry maps or an
 * intermediate string. Scans read millions of entries, so values of the low-cardinality fields (name, client,
 * referrer, page ...) are shared through a small cache instead of decoded anew.
 */
final class RawEventOutput extends CommandOutput<String, String, RawChunk> {

    private static final int FIELDS = RawFields.ORDER.size();
    private static final byte SEPARATOR = (byte) RawFields.SEPARATOR.charAt(0);
    private static final byte[] FIELD = RawFields.FIELD.getBytes(StandardCharsets.US_ASCII);
    private static final int TIME = at(RawFields.TIME);
    private static final int NAME = at(RawFields.NAME);
    private static final int TYPE = at(RawFields.TYPE);
    private static final int VISITOR = at(RawFields.VISITOR);
    private static final int SESSION = at(RawFields.SESSION);
    private static final int PATH = at(RawFields.PATH);
    private static final int REFERRER = at(RawFields.REFERRER);
    private static final int[] UTM = {at(RawFields.UTM_SOURCE), at(RawFields.UTM_MEDIUM), at(RawFields.UTM_CAMPAIGN),
        at(RawFields.UTM_TERM), at(RawFields.UTM_CONTENT)};
    private static final int BROWSER = at(RawFields.BROWSER);
    private static final int OS = at(RawFields.OS);
    private static final int DEVICE = at(RawFields.DEVICE);
    private static final int SCREEN = at(RawFields.SCREEN);
    private static final int LANGUAGE = at(RawFields.LANGUAGE);
    private static final int PROPS = at(RawFields.PROPS);
    /** Values too varied to be worth caching. */
    private static final boolean[] UNCACHED = new boolean[FIELDS];

    static {
        UNCACHED[VISITOR] = true;
        UNCACHED[SESSION] = true;
        UNCACHED[PROPS] = true;
    }

    private final String day;
    private final long dayStart;
    private final ValueCache cache = new ValueCache();
    private final String[] values = new String[FIELDS];
    private byte[] buffer = new byte[512];
    private String id;
    private boolean packedField;
    private boolean nameRead;
    private long time;
    private boolean complete;

    RawEventOutput(String day, long dayStart, int expected) {
        super(StringCodec.UTF8, new RawChunk(expected));
        this.day = day;
        this.dayStart = dayStart;
    }

    @Override
    public void set(ByteBuffer bytes) {
        if (id == null) {
            id = bytes == null ? "" : StringCodec.UTF8.decodeValue(bytes);
        } else if (!nameRead) {
            packedField = bytes != null && ByteBuffer.wrap(FIELD).equals(bytes);
            nameRead = true;
        } else {
            if (packedField && bytes != null) {
                unpack(bytes);
            }
            nameRead = false;
        }
    }

    @Override
    public void multi(int count) {
        // arrays only frame the entries; set() and complete() carry everything needed
    }

    @Override
    public void complete(int depth) {
        if (depth == 1 && id != null) {
            output.entry(id, !complete ? null : new RawEvent(day, id, dayStart + time, values[NAME], values[TYPE],
                    values[VISITOR], values[SESSION], values[PATH], values[REFERRER],
                    new String[]{values[UTM[0]], values[UTM[1]], values[UTM[2]], values[UTM[3]], values[UTM[4]]},
                    values[BROWSER], values[OS], values[DEVICE], values[SCREEN], values[LANGUAGE], values[PROPS]));
            id = null;
            nameRead = false;
            complete = false;
        }
    }

    /**
     * Splits the packed value into {@link #values}; an entry with fewer values than expected is skipped. The
     * value is copied out of the network buffer once, so the splitting runs over a plain array.
     */
    private void unpack(ByteBuffer bytes) {
        int length = bytes.remaining();
        if (buffer.length < length) {
            buffer = new byte[Math.max(length, 2 * buffer.length)];
        }
        bytes.get(bytes.position(), buffer, 0, length);
        byte[] data = buffer;
        int field = 0;
        int start = 0;
        for (int i = 0; i <= length && field < FIELDS; i++) {
            if (i == length || (data[i] == SEPARATOR && field < FIELDS - 1)) {
                if (field == TIME) {
                    time = parseLong(data, start, i);
                } else {
                    values[field] = UNCACHED[field] ? decode(data, start, i) : cache.value(data, start, i);
                }
                field++;
                start = i + 1;
            }
        }
        complete = field == FIELDS;
    }

    private static int at(String name) {
        return RawFields.ORDER.indexOf(name);
    }

    private static String decode(byte[] data, int from, int to) {
        return from == to ? "" : new String(data, from, to - from, StandardCharsets.UTF_8);
    }

    private static long parseLong(byte[] data, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (data[i] - '0');
        }
        return value;
    }

    /**
     * A direct-mapped cache from value bytes to the decoded string. Collisions simply overwrite: it only saves
     * decoding, it never changes a value.
     */
    private static final class ValueCache {
        private static final int SLOTS = 1024;
        private static final int MAX_LENGTH = 96;
        private final byte[][] keys = new byte[SLOTS][];
        private final String[] strings = new String[SLOTS];

        String value(byte[] data, int from, int to) {
            int length = to - from;
            if (length == 0) {
                return "";
            }
            if (length > MAX_LENGTH) {
                return decode(data, from, to);
            }
            int hash = 1;
            for (int i = from; i < to; i++) {
                hash = 31 * hash + data[i];
            }
            int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
            byte[] key = keys[slot];
            if (key != null && Arrays.equals(key, 0, key.length, data, from, to)) {
                return strings[slot];
            }
            keys[slot] = Arrays.copyOfRange(data, from, to);
            strings[slot] = decode(data, from, to);
            return strings[slot];
        }
    }
}
