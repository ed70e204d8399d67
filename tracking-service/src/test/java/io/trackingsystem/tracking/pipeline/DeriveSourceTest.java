package io.trackingsystem.tracking.pipeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeriveSourceTest {

    private static Event derived(String fields) {
        Event event = StepFixtures.normalised("{\"id\":\"e1\",\"name\":\"pageview\"," + fields + "}");
        new DeriveSource().apply(event);
        return event;
    }

    @Test
    void namesKnownReferrersWhateverTheirCountryOrSubdomain() {
        assertThat(derived("\"url\":\"https://example.com/\",\"referrer\":\"https://www.google.co.uk/search?q=x\"")
                .source()).isEqualTo("Google");
        assertThat(derived("\"url\":\"https://example.com/\",\"referrer\":\"https://l.facebook.com/l.php\"").source())
                .isEqualTo("Facebook");
        assertThat(derived("\"url\":\"https://example.com/\",\"referrer\":\"https://t.co/abc\"").source())
                .isEqualTo("Twitter");
        assertThat(derived("\"url\":\"https://example.com/\",\"referrer\":\"https://news.ycombinator.com/item\"")
                .source()).isEqualTo("Hacker News");
    }

    @Test
    void unknownReferrerIsItsHostAndInternalNavigationIsNoSource() {
        assertThat(derived("\"url\":\"https://example.com/\",\"referrer\":\"https://www.blog.example.org/post\"")
                .source()).isEqualTo("blog.example.org");
        assertThat(derived("\"url\":\"https://example.com/b\",\"referrer\":\"https://www.example.com/a\"").source())
                .isEmpty();
    }

    @Test
    void utmParametersComeFromTheEventOrElseThePageUrl() {
        Event fromUrl = derived("\"url\":\"https://example.com/?utm_source=newsletter&utm_medium=email"
                + "&utm_campaign=spring%20sale\"");
        assertThat(fromUrl.utm(0)).isEqualTo("newsletter");
        assertThat(fromUrl.utm(1)).isEqualTo("email");
        assertThat(fromUrl.utm(2)).isEqualTo("spring sale");
        assertThat(fromUrl.source()).isEqualTo("newsletter");

        Event given = derived("\"url\":\"https://example.com/?utm_source=ignored\",\"utm\":{\"source\":\"google\","
                + "\"term\":\"shoes\"}");
        assertThat(given.utm(0)).isEqualTo("google");
        assertThat(given.utm(3)).isEqualTo("shoes");
        assertThat(given.source()).isEqualTo("Google");
    }
}
