package io.trackingsystem.tracking.pipeline;

import io.trackingsystem.tracking.TestEvents;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ParseUserAgentAndFilterBotsTest {

    private final UserAgents userAgents = new UserAgents(100);

    private Event parsed(String userAgent) {
        Event event = StepFixtures.normalised("{\"id\":\"e1\",\"name\":\"pageview\",\"userAgent\":\"" + userAgent + "\"}");
        new ParseUserAgent(userAgents).apply(event);
        new FilterBots().apply(event);
        return event;
    }

    @Test
    void readsBrowserOsAndDeviceKind() {
        Event desktop = parsed(TestEvents.CHROME);
        assertThat(desktop.browser()).isEqualTo("Chrome");
        assertThat(desktop.os()).isEqualTo("Windows");
        assertThat(desktop.device()).isEqualTo("desktop");

        Event phone = parsed(TestEvents.IPHONE);
        assertThat(phone.browser()).isEqualTo("Mobile Safari");
        assertThat(phone.os()).isEqualTo("iOS");
        assertThat(phone.device()).isEqualTo("mobile");

        Event tablet = parsed("Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                + "Version/17.4 Mobile/15E148 Safari/604.1");
        assertThat(tablet.device()).isEqualTo("tablet");
        assertThat(tablet.dropped()).isFalse();
    }

    @Test
    void dropsCrawlersHeadlessBrowsersMonitorsAndPreviews() {
        assertThat(parsed(TestEvents.GOOGLEBOT).dropReason()).isEqualTo(DropReason.BOT);
        assertThat(parsed("Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)").dropReason())
                .isEqualTo(DropReason.BOT);
        assertThat(parsed("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0 "
                + "Safari/537.36").dropReason()).isEqualTo(DropReason.BOT);
        assertThat(parsed("facebookexternalhit/1.1").dropReason()).isEqualTo(DropReason.BOT);
        assertThat(parsed("UptimeRobot/2.0").dropReason()).isEqualTo(DropReason.BOT);
    }

    @Test
    void keepsPeopleAndEventsWithoutUserAgent() {
        assertThat(parsed(TestEvents.CHROME).dropped()).isFalse();
        assertThat(parsed("Mozilla/5.0 (Linux; Android 13; Cubot X19) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/120.0 Mobile Safari/537.36").dropped()).isFalse();
        Event server = parsed("");
        assertThat(server.dropped()).isFalse();
        assertThat(server.browser()).isEmpty();
    }

    @Test
    void keepsEventsThatServersPostWithHttpLibraries() {
        for (String library : new String[] {"curl/8.5.0", "python-requests/2.31", "Python-urllib/3.11",
                "okhttp/4.12.0", "Java/17.0.2", "Java-http-client/17.0.15", "node-fetch/1.0", "axios/1.6.0",
                "Go-http-client/2.0", "Ruby", "analytics-java/3.5.4", "analytics-node/3.0.13",
                "analytics-python/2.3.2", "analytics-ruby/2.4.0", "undici"}) {
            Event event = parsed(library);
            assertThat(event.dropped()).as(library).isFalse();
            assertThat(event.browser()).as(library).isEmpty();
            assertThat(event.device()).as(library).isEmpty();
        }
    }

    @Test
    void browsersAndCrawlersAreNoServerLibraries() {
        assertThat(UserAgents.isServerLibrary(TestEvents.CHROME)).isFalse();
        assertThat(UserAgents.isServerLibrary(TestEvents.GOOGLEBOT)).isFalse();
        assertThat(UserAgents.isServerLibrary("Javascript-crawler/1.0")).isFalse();
        assertThat(UserAgents.isServerLibrary("curl/8.5.0")).isTrue();
    }
}
