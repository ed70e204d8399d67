package io.trackingsystem.gateway.ingest;

import io.trackingsystem.routes.contract.EventLimits;
import io.trackingsystem.routes.problem.Problem;
import io.trackingsystem.routes.problem.ProblemException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Decompresses a request body sent with {@code Content-Encoding: gzip} or {@code deflate}, as Segment's server
 * libraries send them. It inflates in small steps and stops as soon as the output passes
 * {@link EventLimits#BATCH_BYTES}, so a body that inflates to gigabytes costs no more memory than one at the
 * limit: the size limits apply to what the body holds, not to what it weighs on the wire.
 */
final class CompressedBodies {

    private static final int STEP = 8192;

    private CompressedBodies() {
    }

    /**
     * @param encoding the {@code Content-Encoding} header, or null
     * @return the body as its sender wrote it, at most one byte over the limit when the sender compressed it
     */
    static byte[] decoded(byte[] body, String encoding, IngestFormat format) {
        String coding = encoding == null ? "" : encoding.strip().toLowerCase(Locale.ROOT);
        try {
            return switch (coding) {
                case "", "identity" -> body;
                case "gzip", "x-gzip" -> inflate(new GZIPInputStream(new ByteArrayInputStream(body)), format);
                case "deflate" -> inflate(new InflaterInputStream(new ByteArrayInputStream(body),
                        new Inflater(!isZlib(body))), format);
                default -> throw new ProblemException(Problem.of(415, "Unsupported Media Type",
                        "Content-Encoding " + encoding + " is not supported; use gzip, deflate or none"));
            };
        } catch (IOException e) {
            throw ProblemException.badRequest("The body is not valid " + coding + " data");
        }
    }

    private static byte[] inflate(InputStream compressed, IngestFormat format) throws IOException {
        try (InputStream in = compressed) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(STEP);
            byte[] step = new byte[STEP];
            int read;
            while ((read = in.read(step)) > 0) {
                out.write(step, 0, read);
                if (out.size() > EventLimits.BATCH_BYTES) {
                    throw format.tooLarge("The body decompresses to more than " + EventLimits.BATCH_BYTES
                            + " bytes, the most accepted");
                }
            }
            return out.toByteArray();
        }
    }

    /**
     * HTTP's deflate is zlib-wrapped, but some clients send the raw stream: a zlib header is a method byte of 8
     * with a checksum that makes the first two bytes a multiple of 31.
     */
    private static boolean isZlib(byte[] body) {
        return body.length >= 2 && (body[0] & 0x0f) == 8 && ((body[0] & 0xff) << 8 | (body[1] & 0xff)) % 31 == 0;
    }
}
