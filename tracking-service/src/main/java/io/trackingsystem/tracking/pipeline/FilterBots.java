package io.trackingsystem.tracking.pipeline;

import java.util.regex.Pattern;

/**
 * Drops events from bots: whatever uap-java classifies as a "Spider" device, and user agents matching
 * {@link #PATTERNS} (crawlers, headless browsers, uptime monitors and link previews). HTTP client libraries are
 * not bots here: servers post events with them (curl, python-requests, okhttp...), just as events without a user
 * agent come from server-side sources.
 */
public final class FilterBots implements Step {

    /** Case-insensitive fragments of bot user agents; documented in docs/data-model.md. */
    static final String PATTERNS = "bot/|bot[-_]|\\bbot\\b|crawl|spider|slurp|archiver|headless|phantomjs"
            + "|lighthouse|pagespeed|pingdom|uptimerobot|statuscake|site24x7|newrelicpinger|monitor/"
            + "|facebookexternalhit|embedly|preview|prerender|scrapy";
    private static final Pattern BOT = Pattern.compile(PATTERNS, Pattern.CASE_INSENSITIVE);

    @Override
    public void apply(Event event) {
        if (event.spider() || (!event.userAgent().isEmpty() && BOT.matcher(event.userAgent()).find())) {
            event.drop(DropReason.BOT);
        }
    }
}
