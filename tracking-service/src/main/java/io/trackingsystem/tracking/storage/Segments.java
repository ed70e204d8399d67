package io.trackingsystem.tracking.storage;

import java.util.ArrayList;
import java.util.List;

/** A day's sealed segments as the manifest lists them: {@code id/events} joined by commas. */
public record Segments(List<Segment> list) {

    public static final Segments NONE = new Segments(List.of());

    /** One segment of a day: its id (part of its key) and how many events it holds. */
    public record Segment(String id, int events) {
    }

    public static Segments parse(String value) {
        if (value == null || value.isEmpty()) {
            return NONE;
        }
        List<Segment> segments = new ArrayList<>();
        for (String item : value.split(",")) {
            int slash = item.indexOf('/');
            segments.add(new Segment(item.substring(0, slash), Integer.parseInt(item.substring(slash + 1))));
        }
        return new Segments(List.copyOf(segments));
    }

    public int events() {
        return list.stream().mapToInt(Segment::events).sum();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Segment segment : list) {
            if (!text.isEmpty()) {
                text.append(',');
            }
            text.append(segment.id()).append('/').append(segment.events());
        }
        return text.toString();
    }
}
