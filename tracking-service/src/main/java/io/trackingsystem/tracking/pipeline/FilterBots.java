package io.trackingsystem.tracking.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Drops events from bots: whatever uap-java classifies as a "Spider" device, and user agents matching
 * {@link #PATTERNS} (crawlers, headless browsers, uptime monitors and link previews). HTTP client libraries are
 * not bots here: servers post events with them (curl, Python-urllib, okhttp, analytics-java...), just as events
 * without a user agent come from server-side sources, so {@link UserAgents} never calls them spiders. An event
 * whose sender named the visitor's user agent is judged by that one: it is the event's user agent.
 *
 * <p>Searching a user agent for two dozen case-insensitive fragments costs more than the rest of an event's
 * processing, and real traffic repeats a few thousand user agents, so verdicts are kept in a small LRU cache.
 */
public final class FilterBots implements Step {

    /** Case-insensitive fragments of bot user agents; documented in docs/data-model.md. */
    static final String PATTERNS = "bot/|bot[-_]|\\bbot\\b|crawl|spider|slurp|archiver|headless|phantomjs"
            + "|lighthouse|pagespeed|pingdom|uptimerobot|statuscake|site24x7|newrelicpinger|monitor/"
            + "|facebookexternalhit|embedly|preview|prerender|scrapy";
    private static final Pattern BOT = Pattern.compile(PATTERNS, Pattern.CASE_INSENSITIVE);
    private static final int CACHED_VERDICTS = 10_000;

    private final Map<String, Boolean> verdicts = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CACHED_VERDICTS;
        }
    };

    @Override
    public void apply(Event event) {
        if (event.spider() || (!event.userAgent().isEmpty() && isBot(event.userAgent()))) {
            event.drop(DropReason.BOT);
        }
    }

    private boolean isBot(String userAgent) {
        Boolean known;
        synchronized (verdicts) {
            known = verdicts.get(userAgent);
        }
        if (known == null) {
            known = BOT.matcher(userAgent).find();
            synchronized (verdicts) {
                verdicts.put(userAgent, known);
            }
        }
        return known;
    }
}
