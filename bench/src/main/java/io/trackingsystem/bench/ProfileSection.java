package io.trackingsystem.bench;

import io.trackingsystem.bench.Report.Format;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** The results file's profile section: where each profiled process spent its CPU samples (see {@link Profile}). */
final class ProfileSection {

    /** Profile names {@code bench/run} records, and what each covered. */
    static final Map<String, String> PROFILES = Map.of(
            "gateway", "the gateway process during an extra single-event run at 64 connections, event processing "
                    + "paused as in section 1",
            "tracking", "the tracking-service process while it processed the first seeding (section 5)");

    private static final List<String[]> VIEWS = List.of(
            new String[]{"library", "library of the innermost known frame"},
            new String[]{"ours", "Tracking System class nearest the top of the stack"},
            new String[]{"thread", "thread pool"},
            new String[]{"method", "method on top of the stack (self time)"});

    private final Results results;
    private final StringBuilder md;

    ProfileSection(Results results, StringBuilder md) {
        this.results = results;
        this.md = md;
    }

    void write() {
        List<String> names = PROFILES.keySet().stream().sorted()
                .filter(name -> results.has("profile_" + name)).toList();
        if (names.isEmpty()) {
            return;
        }
        md.append("## 8. Where the CPU goes\n\nJava Flight Recorder (`bench/jfr/cpu-samples.jfc`: CPU samples of "
                + "running Java threads every 10 ms, nothing else), summarised by `Profile`; the `.jfr` files stay "
                + "in the run's work directory for JDK Mission Control or `jfr print`.\n\n");
        for (String name : names) {
            OptionalDouble samples = results.number("profile_" + name, "samples");
            md.append("### ").append(name).append("\n\n").append(PROFILES.get(name)).append(": ")
                    .append(Format.count(samples)).append(" samples.\n\n");
            for (String[] view : VIEWS) {
                List<Map<String, String>> rows = results.series("profile_" + name + "_" + view[0]);
                if (rows.isEmpty()) {
                    continue;
                }
                md.append("| ").append(view[1]).append(" | share |\n|---|---|\n");
                for (Map<String, String> row : rows) {
                    md.append("| `").append(row.getOrDefault("name", "").replace('+', ' ')).append("` | ")
                            .append(share(row.get("share"))).append(" |\n");
                }
                md.append('\n');
            }
        }
    }

    private static String share(String value) {
        try {
            return String.format(Locale.ROOT, "%.1f%%", 100 * Double.parseDouble(value));
        } catch (NumberFormatException | NullPointerException e) {
            return "–";
        }
    }
}
