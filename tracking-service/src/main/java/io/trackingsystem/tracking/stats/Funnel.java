package io.trackingsystem.tracking.stats;

import io.trackingsystem.tracking.engine.Funnels;

import java.time.DateTimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many visitors went through 2 to 8 steps in order, each step at or after the previous one and all within
 * the window of the first (default one day, at most 90). A step is {@code pageview:/path} or {@code event:name}.
 * Only events of the range (and matching the filters) count. Conversions are fractions, 0..1.
 */
public final class Funnel {

    static final int MIN_STEPS = 2;
    static final int MAX_STEPS = 8;
    static final Duration DEFAULT_WINDOW = Duration.ofDays(1);
    static final Duration MAX_WINDOW = Duration.ofDays(90);
    private static final Pattern SHORT_WINDOW = Pattern.compile("(\\d{1,6})([mhd])");

    private final StatsSource source;

    public Funnel(StatsSource source) {
        this.source = source;
    }

    public record Step(String step, long visitors, double conversionFromStart, double conversionFromPrevious) {
    }

    public record Answer(List<Step> steps) {
    }

    /** A step as requested: a page view of one path, or an event of one name. */
    record StepSpec(String text, boolean pageview, String value) {
    }

    public Answer answer(StatsRequest request) {
        List<StepSpec> steps = steps(request);
        long window = window(request).toMillis();
        StatsQuery query = request.query();
        List<Funnels.Step> kernelSteps = steps.stream().map(step -> new Funnels.Step(step.pageview(), step.value()))
                .toList();
        long[] reached = Funnels.reached(source.over(query, query.range().start(), query.range().end()),
                kernelSteps, window);
        List<Step> answer = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            answer.add(new Step(steps.get(i).text(), reached[i], share(reached[i], reached[0]),
                    i == 0 ? share(reached[0], reached[0]) : share(reached[i], reached[i - 1])));
        }
        return new Answer(answer);
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : Math.round((double) part / whole * 10_000) / 10_000.0;
    }

    static List<StepSpec> steps(StatsRequest request) {
        List<String> texts = request.all("step");
        if (texts.size() < MIN_STEPS || texts.size() > MAX_STEPS) {
            throw StatsRequest.invalid("step", "a funnel has " + MIN_STEPS + " to " + MAX_STEPS + " steps, got "
                    + texts.size());
        }
        List<StepSpec> steps = new ArrayList<>();
        for (String text : texts) {
            int colon = text.indexOf(':');
            String type = colon < 0 ? "" : text.substring(0, colon);
            String value = colon < 0 ? "" : text.substring(colon + 1);
            if (!(type.equals("pageview") || type.equals("event")) || value.isEmpty() || value.length() > 2000) {
                throw StatsRequest.invalid("step", "a step is pageview:/path or event:name, got '" + text + "'");
            }
            steps.add(new StepSpec(text, type.equals("pageview"), value));
        }
        return steps;
    }

    /** {@code 30m}, {@code 12h}, {@code 7d} or an ISO-8601 duration such as {@code PT12H}. */
    static Duration window(StatsRequest request) {
        String text = request.text("window");
        if (text.isEmpty()) {
            return DEFAULT_WINDOW;
        }
        Duration window = null;
        Matcher matcher = SHORT_WINDOW.matcher(text);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            window = switch (matcher.group(2)) {
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        } else {
            try {
                window = Duration.parse(text);
            } catch (DateTimeException e) {
                // answered below
            }
        }
        if (window == null || window.isNegative() || window.isZero() || window.compareTo(MAX_WINDOW) > 0) {
            throw StatsRequest.invalid("window", "window must be a duration such as 1h, 1d or 7d, at most "
                    + MAX_WINDOW.toDays() + " days, got '" + text + "'");
        }
        return window;
    }
}
