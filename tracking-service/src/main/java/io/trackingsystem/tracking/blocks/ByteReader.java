package io.trackingsystem.tracking.blocks;

import java.nio.charset.StandardCharsets;

/** Reads what {@link ByteWriter} wrote; a truncated or malformed input fails with {@link MalformedBlockException}. */
final class ByteReader {

    private final byte[] bytes;
    private int position;
    private final int end;

    ByteReader(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.position = offset;
        this.end = offset + length;
    }

    int position() {
        return position;
    }

    boolean hasMore() {
        return position < end;
    }

    long varint() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = next();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new MalformedBlockException("varint longer than 10 bytes");
    }

    int count(int max) {
        long value = varint();
        if (value < 0 || value > max) {
            throw new MalformedBlockException("count " + value + " out of range 0.." + max);
        }
        return (int) value;
    }

    long signed() {
        long raw = varint();
        return (raw >>> 1) ^ -(raw & 1);
    }

    long fixed64() {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (next() & 0xFF);
        }
        return value;
    }

    String string() {
        int length = count(end - position);
        String value = new String(bytes, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    /** A reader over the next {@code length} bytes, which this reader then skips. */
    ByteReader slice(int length) {
        if (length > end - position) {
            throw new MalformedBlockException("section runs past the block's end");
        }
        ByteReader slice = new ByteReader(bytes, position, length);
        position += length;
        return slice;
    }

    private byte next() {
        if (position >= end) {
            throw new MalformedBlockException("block ends early");
        }
        return bytes[position++];
    }
}
