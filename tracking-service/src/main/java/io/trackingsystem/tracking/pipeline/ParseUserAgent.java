package io.trackingsystem.tracking.pipeline;

/** Adds browser, operating system and device kind (desktop, mobile, tablet) from the user agent. */
public final class ParseUserAgent implements Step {

    private final UserAgents userAgents;

    public ParseUserAgent(UserAgents userAgents) {
        this.userAgents = userAgents;
    }

    @Override
    public void apply(Event event) {
        UserAgents.ClientInfo client = userAgents.parse(event.userAgent());
        event.client(client.browser(), client.os(), client.device(), client.spider());
    }
}
