package io.trackingsystem.tracking.blocks;

import com.github.luben.zstd.Zstd;
import io.trackingsystem.tracking.catalogue.Column;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored form of a block of events, version 1 (docs/data-model.md, "Blocks"):
 * <pre>
 * 'T' 'B' version=1  varint(decompressed length)  zstd( varint(epoch day) varint(events) section* )
 * section = varint(column id) varint(length) payload
 * </pre>
 * Section payloads: time (id 1) — zigzag varint deltas of the milliseconds since the day's start, in event order;
 * id (2) — 8 bytes per event; properties (3) — key dictionary, value dictionary, then per event a count and
 * (key, value) code pairs; every text {@link Column} (its own id) — a dictionary (count, then length-prefixed
 * UTF-8 values) and one varint code per event. A reader skips sections it does not know and reads a column it
 * finds no section for as empty, so a later version can add columns; a new version byte marks an incompatible
 * change, and both versions can then be read side by side.
 */
public final class BlockFormat {

    public static final int VERSION = 1;
    private static final byte[] MAGIC = {'T', 'B'};
    private static final int TIME = 1;
    private static final int ID = 2;
    private static final int PROPERTIES = 3;
    private static final int LEVEL = 3;
    /** A block never holds more; a larger one is rejected as malformed before anything is allocated. */
    public static final int MAX_EVENTS = 4_000_000;
    private static final int MAX_DECOMPRESSED = 1 << 30;
    private static final long DAY = 86_400_000L;

    private BlockFormat() {
    }

    /** Encodes events of one UTC day, in the given order. */
    public static byte[] encode(int epochDay, List<StoredEvent> events) {
        int size = events.size();
        ByteWriter body = new ByteWriter(size * 24 + 64);
        body.varint(epochDay);
        body.varint(size);

        ByteWriter times = new ByteWriter(size * 3);
        long previous = 0;
        for (StoredEvent event : events) {
            long inDay = event.time() - epochDay * DAY;
            if (inDay < 0 || inDay >= DAY) {
                throw new IllegalArgumentException("event at " + event.time() + " is not on day " + epochDay);
            }
            times.signed(inDay - previous);
            previous = inDay;
        }
        body.section(TIME, times);

        ByteWriter ids = new ByteWriter(size * 8);
        events.forEach(event -> ids.fixed64(event.id()));
        body.section(ID, ids);

        for (Column column : Column.values()) {
            Dictionary dictionary = new Dictionary();
            int[] codes = new int[size];
            for (int i = 0; i < size; i++) {
                codes[i] = dictionary.code(events.get(i).value(column));
            }
            ByteWriter section = new ByteWriter(size * 2 + dictionary.bytes());
            dictionary.writeTo(section);
            for (int code : codes) {
                section.varint(code);
            }
            body.section(column.id(), section);
        }

        Dictionary keys = new Dictionary();
        Dictionary values = new Dictionary();
        ByteWriter pairs = new ByteWriter(size);
        for (StoredEvent event : events) {
            pairs.varint(event.propertyKeys().length);
            for (int p = 0; p < event.propertyKeys().length; p++) {
                pairs.varint(keys.code(event.propertyKeys()[p]));
                pairs.varint(values.code(event.propertyValues()[p]));
            }
        }
        ByteWriter properties = new ByteWriter(pairs.size() + keys.bytes() + values.bytes());
        keys.writeTo(properties);
        values.writeTo(properties);
        properties.raw(pairs.toArray(), 0, pairs.size());
        body.section(PROPERTIES, properties);

        byte[] plain = body.toArray();
        byte[] compressed = Zstd.compress(plain, LEVEL);
        ByteWriter out = new ByteWriter(compressed.length + 16);
        out.raw(MAGIC, 0, MAGIC.length);
        out.varint(VERSION);
        out.varint(plain.length);
        out.raw(compressed, 0, compressed.length);
        return out.toArray();
    }

    public static EventBlock decode(byte[] stored) {
        if (stored == null || stored.length < 4 || stored[0] != MAGIC[0] || stored[1] != MAGIC[1]) {
            throw new MalformedBlockException("not a block");
        }
        ByteReader header = new ByteReader(stored, 2, stored.length - 2);
        long version = header.varint();
        if (version != VERSION) {
            throw new MalformedBlockException("block version " + version + " is not readable by this release");
        }
        int length = header.count(MAX_DECOMPRESSED);
        int offset = header.position();
        byte[] plain;
        try {
            plain = Zstd.decompress(Arrays.copyOfRange(stored, offset, stored.length), length);
        } catch (RuntimeException e) {
            throw new MalformedBlockException("block does not decompress: " + e.getMessage());
        }
        if (plain.length != length) {
            throw new MalformedBlockException("block decompresses to " + plain.length + " bytes, not " + length);
        }
        return decodeBody(new ByteReader(plain, 0, plain.length));
    }

    private static EventBlock decodeBody(ByteReader body) {
        int epochDay = (int) body.varint();
        int size = body.count(MAX_EVENTS);
        int[] times = new int[size];
        long[] ids = new long[size];
        Column[] columns = Column.values();
        String[][] dictionaries = new String[columns.length][];
        int[][] codes = new int[columns.length][];
        String[] keyDictionary = {};
        String[] valueDictionary = {};
        int[] propertyStart = new int[size + 1];
        int[] propertyKeys = new int[0];
        int[] propertyValues = new int[0];
        while (body.hasMore()) {
            int id = (int) body.varint();
            ByteReader section = body.slice(body.count(Integer.MAX_VALUE));
            if (id == TIME) {
                long time = 0;
                for (int i = 0; i < size; i++) {
                    time += section.signed();
                    if (time < 0 || time >= DAY) {
                        throw new MalformedBlockException("event time outside its day");
                    }
                    times[i] = (int) time;
                }
            } else if (id == ID) {
                for (int i = 0; i < size; i++) {
                    ids[i] = section.fixed64();
                }
            } else if (id == PROPERTIES) {
                keyDictionary = Dictionary.read(section);
                valueDictionary = Dictionary.read(section);
                int[][] pairs = readPairs(section, size, propertyStart, keyDictionary.length,
                        valueDictionary.length);
                propertyKeys = pairs[0];
                propertyValues = pairs[1];
            } else {
                Column column = Column.byId(id);
                if (column != null) {
                    dictionaries[column.ordinal()] = Dictionary.read(section);
                    codes[column.ordinal()] = readCodes(section, size, dictionaries[column.ordinal()].length);
                }
            }
        }
        for (Column column : columns) {
            if (dictionaries[column.ordinal()] == null) {
                dictionaries[column.ordinal()] = new String[]{""};
                codes[column.ordinal()] = new int[size];
            }
        }
        return new EventBlock(epochDay, size, ids, times, dictionaries, codes, keyDictionary, valueDictionary,
                propertyStart, propertyKeys, propertyValues);
    }

    private static int[] readCodes(ByteReader section, int size, int dictionarySize) {
        int[] codes = new int[size];
        for (int i = 0; i < size; i++) {
            codes[i] = section.count(dictionarySize - 1);
        }
        return codes;
    }

    private static int[][] readPairs(ByteReader section, int size, int[] start, int keys, int values) {
        int[] keyCodes = new int[Math.max(16, size)];
        int[] valueCodes = new int[keyCodes.length];
        int pairs = 0;
        for (int i = 0; i < size; i++) {
            start[i] = pairs;
            int count = section.count(1024);
            if (pairs + count > keyCodes.length) {
                keyCodes = Arrays.copyOf(keyCodes, Math.max(keyCodes.length * 2, pairs + count));
                valueCodes = Arrays.copyOf(valueCodes, keyCodes.length);
            }
            for (int p = 0; p < count; p++) {
                keyCodes[pairs] = section.count(keys - 1);
                valueCodes[pairs++] = section.count(values - 1);
            }
        }
        start[size] = pairs;
        return new int[][]{Arrays.copyOf(keyCodes, pairs), Arrays.copyOf(valueCodes, pairs)};
    }

    /** Distinct values in order of first appearance. */
    private static final class Dictionary {
        private final Map<String, Integer> codes = new HashMap<>();
        private final ArrayList<String> values = new ArrayList<>();
        private int bytes;

        int code(String value) {
            Integer code = codes.get(value);
            if (code == null) {
                code = values.size();
                codes.put(value, code);
                values.add(value);
                bytes += value.length() + 2;
            }
            return code;
        }

        int bytes() {
            return bytes;
        }

        void writeTo(ByteWriter out) {
            out.varint(values.size());
            values.forEach(out::string);
        }

        static String[] read(ByteReader in) {
            int count = in.count(MAX_EVENTS * 2);
            String[] values = new String[count];
            for (int i = 0; i < count; i++) {
                values[i] = in.string();
            }
            return values;
        }
    }
}
