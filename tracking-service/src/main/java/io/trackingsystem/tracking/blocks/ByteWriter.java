package io.trackingsystem.tracking.blocks;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growing byte buffer with the block format's primitives: unsigned varints, fixed 64-bit longs, strings. */
final class ByteWriter {

    private byte[] bytes;
    private int size;

    ByteWriter(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    void varint(long value) {
        ensure(10);
        long v = value;
        while ((v & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        bytes[size++] = (byte) v;
    }

    /** A signed value, zigzag-encoded so small negatives stay short. */
    void signed(long value) {
        varint((value << 1) ^ (value >> 63));
    }

    void fixed64(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (value >>> shift);
        }
    }

    void string(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        varint(utf8.length);
        raw(utf8, 0, utf8.length);
    }

    void raw(byte[] source, int offset, int length) {
        ensure(length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    void section(int id, ByteWriter content) {
        varint(id);
        varint(content.size);
        raw(content.bytes, 0, content.size);
    }

    int size() {
        return size;
    }

    byte[] toArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
