package io.trackingsystem.tracking.pipeline;

/** Makes untrusted strings safe to store: bounded length, no control characters (the store uses one as separator). */
final class Text {

    private Text() {
    }

    /** The value cleaned and cut to {@code max} characters; empty for null. */
    static String clean(String value, int max) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String cut = value.length() > max ? value.substring(0, max) : value;
        StringBuilder out = null;
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            boolean control = c < 0x20 || c == 0x7f;
            if (control && out == null) {
                out = new StringBuilder(cut.length()).append(cut, 0, i);
            }
            if (out != null && !control) {
                out.append(c);
            }
        }
        return (out == null ? cut : out.toString()).strip();
    }
}
