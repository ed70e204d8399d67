package io.trackingsystem.gateway.geo;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Reads an IP address literal without ever asking DNS: {@link InetAddress#getByName} resolves anything that is not
 * a literal, and a sender's {@code ip} field must never make the gateway look a name up.
 */
final class IpAddresses {

    private IpAddresses() {
    }

    /** The address, or null when the text is no IPv4 dotted quad or IPv6 literal. */
    static InetAddress parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return null;
        }
        if (text.indexOf(':') < 0) {
            byte[] v4 = dottedQuad(text);
            return v4 == null ? null : address(v4);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c == ':' || c == '.' || Character.digit(c, 16) >= 0;
            if (!allowed) {
                return null;
            }
        }
        try {
            // with a colon and only hex digits, colons and dots, this is parsed as a literal, never resolved
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] dottedQuad(String text) {
        byte[] bytes = new byte[4];
        int part = 0;
        int value = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c == '.') {
                if (value < 0 || part == 4) {
                    return null;
                }
                bytes[part++] = (byte) value;
                value = -1;
            } else if (c >= '0' && c <= '9') {
                value = value < 0 ? c - '0' : value * 10 + (c - '0');
                if (value > 255) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return part == 4 ? bytes : null;
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an address", e);
        }
    }
}
