package io.trackingsystem.gateway.geo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a small IPv4 MaxMind DB file (format 2.0, 24-bit records), so that tests can read databases of the shapes
 * city-level vendors ship without shipping any of their data: IPv4 networks, each with a record of maps, lists,
 * strings and doubles.
 */
final class MmdbFile {

    private final Map<String, Map<String, Object>> networks = new LinkedHashMap<>();
    private final String type;

    MmdbFile(String type) {
        this.type = type;
    }

    /** {@code network} as {@code a.b.c.d/bits}. */
    MmdbFile with(String network, Map<String, Object> record) {
        networks.put(network, record);
        return this;
    }

    Path writeTo(Path file) throws IOException {
        Node root = new Node();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (Map.Entry<String, Map<String, Object>> network : networks.entrySet()) {
            String[] parts = network.getKey().split("/");
            byte[] address = InetAddress.getByName(parts[0]).getAddress();
            int offset = data.size();
            encode(data, network.getValue());
            Node node = root;
            int bits = Integer.parseInt(parts[1]);
            for (int bit = 0; bit < bits; bit++) {
                int side = (address[bit / 8] >> (7 - bit % 8)) & 1;
                if (bit == bits - 1) {
                    node.data[side] = offset;
                } else {
                    if (node.children[side] == null) {
                        node.children[side] = new Node();
                    }
                    node = node.children[side];
                }
            }
        }
        List<Node> nodes = new ArrayList<>();
        number(root, nodes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Node node : nodes) {
            for (int side = 0; side < 2; side++) {
                long record = node.children[side] != null ? node.children[side].index
                        : node.data[side] >= 0 ? nodes.size() + 16L + node.data[side] : nodes.size();
                out.write((int) (record >> 16));
                out.write((int) (record >> 8));
                out.write((int) record);
            }
        }
        out.write(new byte[16]);
        data.writeTo(out);
        out.write(new byte[]{(byte) 0xAB, (byte) 0xCD, (byte) 0xEF});
        out.write("MaxMind.com".getBytes(StandardCharsets.US_ASCII));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("node_count", new Unsigned(6, nodes.size()));
        metadata.put("record_size", new Unsigned(5, 24));
        metadata.put("ip_version", new Unsigned(5, 4));
        metadata.put("database_type", type);
        metadata.put("languages", List.of("en"));
        metadata.put("binary_format_major_version", new Unsigned(5, 2));
        metadata.put("binary_format_minor_version", new Unsigned(5, 0));
        metadata.put("build_epoch", new Unsigned(9, 1_700_000_000L));
        metadata.put("description", Map.of("en", "test data"));
        encode(out, metadata);
        return Files.write(file, out.toByteArray());
    }

    private static void number(Node node, List<Node> nodes) {
        node.index = nodes.size();
        nodes.add(node);
        for (Node child : node.children) {
            if (child != null) {
                number(child, nodes);
            }
        }
    }

    /** An unsigned integer of a given MaxMind DB type (5 uint16, 6 uint32, 9 uint64). */
    private record Unsigned(int type, long value) {
    }

    @SuppressWarnings("unchecked")
    private static void encode(ByteArrayOutputStream out, Object value) throws IOException {
        if (value instanceof String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            control(out, 2, bytes.length);
            out.write(bytes);
        } else if (value instanceof Double number) {
            control(out, 3, 8);
            long bits = Double.doubleToLongBits(number);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (bits >> shift));
            }
        } else if (value instanceof Unsigned number) {
            int length = 0;
            for (long rest = number.value(); rest != 0; rest >>>= 8) {
                length++;
            }
            control(out, number.type(), length);
            for (int i = length - 1; i >= 0; i--) {
                out.write((int) (number.value() >> (8 * i)));
            }
        } else if (value instanceof Map<?, ?> map) {
            control(out, 7, map.size());
            for (Map.Entry<String, Object> entry : ((Map<String, Object>) map).entrySet()) {
                encode(out, entry.getKey());
                encode(out, entry.getValue());
            }
        } else if (value instanceof List<?> list) {
            control(out, 11, list.size());
            for (Object item : list) {
                encode(out, item);
            }
        } else {
            throw new IllegalArgumentException("no MaxMind DB encoding for " + value);
        }
    }

    /** The control byte: type in the top 3 bits (extended types in a second byte), then the size. */
    private static void control(ByteArrayOutputStream out, int type, int size) {
        int sizeBits = size < 29 ? size : size < 285 ? 29 : 30;
        out.write(((type <= 7 ? type : 0) << 5) | sizeBits);
        if (type > 7) {
            out.write(type - 7);
        }
        if (sizeBits == 29) {
            out.write(size - 29);
        } else if (sizeBits == 30) {
            out.write((size - 285) >> 8);
            out.write(size - 285);
        }
    }

    private static final class Node {
        final Node[] children = new Node[2];
        final int[] data = {-1, -1};
        int index;
    }
}
