package io.trackingsystem.tracking.pipeline;

import io.trackingsystem.routes.contract.EventLimits;

/**
 * Derives where the visit came from: the referrer's source name (see {@link ReferrerSources}), and the five UTM
 * parameters, taken from the event or else from the page URL's query. A referrer on the page's own host is
 * internal navigation and no source. Without a referrer, utm_source names the source.
 */
public final class DeriveSource implements Step {

    @Override
    public void apply(Event event) {
        Urls.Parts page = Urls.parse(event.url());
        boolean given = false;
        for (int i = 0; i < Event.UTM_NAMES.length; i++) {
            given |= !event.utm(i).isEmpty();
        }
        if (!given && !page.query().isEmpty()) {
            for (int i = 0; i < Event.UTM_NAMES.length; i++) {
                event.utm(i, Text.clean(Urls.parameter(page.query(), "utm_" + Event.UTM_NAMES[i]),
                        EventLimits.UTM_CHARS));
            }
        }
        String referrerHost = Urls.parse(event.referrer()).host();
        if (!referrerHost.isEmpty() && !referrerHost.equals(page.host())) {
            event.source(ReferrerSources.forHost(referrerHost));
        } else if (!event.utm(0).isEmpty()) {
            event.source(ReferrerSources.forUtmSource(event.utm(0)));
        }
    }
}
