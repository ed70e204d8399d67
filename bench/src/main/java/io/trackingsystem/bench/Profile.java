package io.trackingsystem.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Summarises a Java Flight Recorder file of one of the system's processes: where its CPU samples fall, by library
 * (the innermost frame from a known package), by the product's own class that led there, by thread, and by
 * method. Usage: {@code Profile <name> <recording.jfr>}; prints {@code RESULT profile_<name>} and
 * {@code SERIES profile_<name>_<view>} lines for {@link ProfileSection}, with spaces in names written as {@code +}.
 */
public final class Profile {

    static final int TOP = 12;

    /** Package prefixes and the library they stand for, most specific first. */
    static final List<Map.Entry<String, String>> LIBRARIES = List.of(
            Map.entry("io.trackingsystem.", "Tracking System code"),
            Map.entry("io.micrometer.", "Micrometer (metrics)"),
            Map.entry("org.apache.camel.component.micrometer.", "Micrometer (metrics)"),
            Map.entry("org.apache.camel.", "Camel"),
            Map.entry("io.vertx.", "Vert.x"),
            Map.entry("io.lettuce.", "Lettuce (Redis client)"),
            Map.entry("io.netty.", "Netty (network I/O)"),
            Map.entry("com.fasterxml.jackson.", "Jackson (JSON)"),
            Map.entry("at.favre.lib.crypto.bcrypt.", "bcrypt"),
            Map.entry("sun.nio.", "JDK network and file I/O"),
            Map.entry("java.util.concurrent.", "JDK concurrency (queues, futures, locks)"),
            Map.entry("java.util.regex.", "JDK regular expressions"),
            Map.entry("java.", "JDK (strings, collections, other)"),
            Map.entry("jdk.", "JDK (strings, collections, other)"),
            Map.entry("sun.", "JDK (strings, collections, other)"));

    private final Map<String, Integer> libraries = new HashMap<>();
    private final Map<String, Integer> ours = new HashMap<>();
    private final Map<String, Integer> threads = new HashMap<>();
    private final Map<String, Integer> methods = new HashMap<>();
    private int samples;

    public static void main(String[] args) throws IOException {
        Profile profile = Profile.of(Path.of(args[1]));
        for (Line line : profile.lines(args[0])) {
            line.print();
        }
    }

    static Profile of(Path recording) throws IOException {
        Profile profile = new Profile();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (event.getEventType().getName().equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
                    profile.add(event.getThread("sampledThread"), event.getStackTrace());
                }
            }
        }
        return profile;
    }

    void add(RecordedThread thread, RecordedStackTrace stack) {
        List<String> frames = new ArrayList<>();
        for (RecordedFrame frame : stack.getFrames()) {
            if (frame.isJavaFrame()) {
                frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
            }
        }
        add(thread == null ? "?" : thread.getJavaName(), frames);
    }

    /** One sample: its thread, and its frames innermost first. */
    void add(String thread, List<String> frames) {
        samples++;
        count(threads, threadPool(thread));
        if (frames.isEmpty()) {
            count(libraries, "JDK (strings, collections, other)");
            return;
        }
        count(methods, frames.get(0));
        count(libraries, library(frames));
        frames.stream().filter(frame -> frame.startsWith("io.trackingsystem."))
                .findFirst().ifPresentOrElse(frame -> count(ours, simpleClass(frame)), () -> count(ours, "(none)"));
    }

    List<Line> lines(String name) {
        List<Line> lines = new ArrayList<>();
        lines.add(Line.result("profile_" + name).add("samples", samples));
        view(lines, name, "library", libraries);
        view(lines, name, "ours", ours);
        view(lines, name, "thread", threads);
        view(lines, name, "method", methods);
        return lines;
    }

    private void view(List<Line> lines, String name, String view, Map<String, Integer> counts) {
        top(counts).forEach((key, count) -> lines.add(Line.series("profile_" + name + "_" + view)
                .add("name", key.replace(' ', '+')).add("share", samples == 0 ? 0.0 : (double) count / samples)));
    }

    static Map<String, Integer> top(Map<String, Integer> counts) {
        Map<String, Integer> top = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(TOP)
                .forEach(entry -> top.put(entry.getKey(), entry.getValue()));
        return top;
    }

    /** The library of the innermost frame that belongs to one, so time in Netty under Camel counts as Netty. */
    static String library(List<String> frames) {
        for (String frame : frames) {
            for (Map.Entry<String, String> library : LIBRARIES) {
                if (frame.startsWith(library.getKey())) {
                    return library.getValue();
                }
            }
        }
        return "other";
    }

    /** {@code vert.x-worker-thread-17} and {@code vert.x-worker-thread-3} are one pool. */
    static String threadPool(String thread) {
        return thread.replaceAll("[0-9a-f]{6,}|\\d+", "N");
    }

    private static String simpleClass(String frame) {
        String type = frame.substring(0, frame.lastIndexOf('.'));
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static void count(Map<String, Integer> counts, String key) {
        counts.merge(key, 1, Integer::sum);
    }
}
