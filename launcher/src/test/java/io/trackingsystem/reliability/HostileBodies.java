package io.trackingsystem.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Request bodies a careless or hostile client sends: broken JSON, wrong types, absurd nesting, huge strings,
 * invalid UTF-8, impossible timestamps. Every choice comes from the given {@link Random}, so a seed replays a run.
 */
final class HostileBodies {

    static final int TEN_MEGABYTES = 10 * 1024 * 1024;
    /** Field names the APIs read, so that wrong values reach the validators rather than being ignored. */
    private static final List<String> FIELDS = List.of("eventName", "eventTime", "page", "referrer", "anonymousId",
            "userId", "sessionId", "messageId", "context", "title", "screen", "language", "apiKey", "batch",
            "writeKey", "event", "type", "properties", "traits", "timestamp", "sentAt", "name", "email", "password",
            "refreshToken", "currentPassword", "newPassword", "previousId", "groupId");
    private static final List<String> TIMES = List.of("-1", "0", "-9223372036854775808", "9223372036854775807",
            "253402300800000", "1e300", "-1e300", "\"9999-12-31T23:59:59Z\"", "\"0000-01-01T00:00:00Z\"",
            "\"2024-02-30T25:61:61Z\"", "\"NaN\"", "\"yesterday\"", "\"\"", "[]", "{}", "true", "1.5", "-0",
            "\"+275760-09-13T00:00:00Z\"", "\"1970-01-01T00:00:00-99:00\"");

    private final Random random;

    HostileBodies(Random random) {
        this.random = random;
    }

    /** A JSON object with plausible field names and values of any type, often nonsense. */
    String wrongTypes() {
        StringBuilder json = new StringBuilder("{");
        int fields = 1 + random.nextInt(8);
        for (int i = 0; i < fields; i++) {
            json.append(i > 0 ? "," : "").append('"').append(pick(FIELDS)).append("\":").append(anyValue(2));
        }
        return json.append('}').toString();
    }

    /** A batch whose events have nonsense values: what a broken SDK would send. */
    String wrongBatch() {
        StringBuilder json = new StringBuilder("{\"batch\":[");
        int events = random.nextInt(12);
        for (int i = 0; i < events; i++) {
            json.append(i > 0 ? "," : "").append(random.nextBoolean() ? wrongTypes() : anyValue(1));
        }
        return json.append("]}").toString();
    }

    /** A well-formed event with an impossible or hostile timestamp. */
    String badTimestamp() {
        return "{\"eventName\":\"pageview\",\"page\":\"/t\",\"anonymousId\":\"a\",\"eventTime\":" + pick(TIMES)
                + ",\"timestamp\":" + pick(TIMES) + ",\"sentAt\":" + pick(TIMES) + ",\"userId\":\"u\","
                + "\"event\":\"e\",\"type\":\"track\"}";
    }

    /** Valid JSON cut off anywhere, or with a byte changed. */
    String broken() {
        String valid = random.nextBoolean() ? wrongTypes() : wrongBatch();
        if (random.nextBoolean()) {
            return valid.substring(0, random.nextInt(valid.length()));
        }
        char[] chars = valid.toCharArray();
        String breakers = "{}[]\":,\\x\u0000";
        chars[random.nextInt(chars.length)] = breakers.charAt(random.nextInt(breakers.length()));
        return new String(chars);
    }

    /** Arrays or objects nested {@code depth} levels deep, closed or not. */
    String deep(int depth) {
        boolean arrays = random.nextBoolean();
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        String body = (random.nextBoolean() ? "{\"batch\":" : "") + open.repeat(depth) + "1"
                + (random.nextBoolean() ? close.repeat(depth) : "");
        return body.startsWith("{\"batch\"") ? body + "}" : body;
    }

    /** One string field of {@code length} characters, below or above the body limits. */
    String hugeString(int length) {
        return "{\"eventName\":\"pageview\",\"" + pick(FIELDS) + "\":\"" + "x".repeat(length) + "\"}";
    }

    /** JSON whose strings hold bytes that are not UTF-8: lone continuation bytes, overlong forms, surrogates. */
    byte[] invalidUtf8() {
        byte[][] poison = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF},
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80},
                {(byte) 0xE2, (byte) 0x82}, {0x00}};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("{\"eventName\":\"e").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(poison[random.nextInt(poison.length)]);
        out.writeBytes(("\",\"" + pick(FIELDS) + "\":\"").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(poison[random.nextInt(poison.length)]);
        out.writeBytes("\",\"page\":\"/\"}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Bytes that are no JSON at all. */
    byte[] noise() {
        byte[] bytes = new byte[random.nextInt(2048)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A body of {@code size} bytes that starts like a batch; far over every limit. */
    static byte[] oversize(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) ' ');
        byte[] start = "{\"batch\":[".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, body, 0, start.length);
        return body;
    }

    private String anyValue(int depth) {
        return switch (random.nextInt(depth > 0 ? 14 : 11)) {
            case 0 -> "null";
            case 1 -> random.nextBoolean() ? "true" : "false";
            case 2 -> Long.toString(random.nextLong());
            case 3 -> pick(List.of("1e400", "-1e400", "1.7976931348623157e309", "-0", "0.0000000000000000000001",
                    "123456789012345678901234567890"));
            case 4 -> "\"" + "\\u0000\\ud800\\udfff\\\"\\\\".substring(0, random.nextInt(20)) + "\"";
            case 5 -> "\"" + "y".repeat(random.nextInt(3000)) + "\"";
            case 6 -> "\"https://evil.example/" + "../".repeat(random.nextInt(5)) + "<script>alert(1)</script>\"";
            case 7 -> "\"javascript:alert(1)\"";
            case 8 -> "\"=cmd|' /C calc'!A0\"";
            case 9 -> pick(TIMES);
            case 10 -> "\"\"";
            case 11 -> "[" + anyValue(depth - 1) + "," + anyValue(depth - 1) + "]";
            case 12 -> "{\"" + pick(FIELDS) + "\":" + anyValue(depth - 1) + "}";
            default -> "{\"__proto__\":{\"admin\":true},\"constructor\":" + anyValue(depth - 1) + "}";
        };
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
