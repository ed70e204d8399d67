package io.trackingsystem.gateway.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/** A small gzip body that inflates to a huge one. */
final class ZipBomb {

    private ZipBomb() {
    }

    /** {@code inflated} zero bytes, gzipped: about a thousandth of that on the wire. */
    static byte[] gzipOfZeros(long inflated) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 20];
        try (GZIPOutputStream zip = new GZIPOutputStream(out, 1 << 16)) {
            for (long written = 0; written < inflated; written += zeros.length) {
                zip.write(zeros, 0, (int) Math.min(zeros.length, inflated - written));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
