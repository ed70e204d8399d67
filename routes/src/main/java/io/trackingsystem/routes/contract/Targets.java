package io.trackingsystem.routes.contract;

import java.util.List;

/**
 * Headers naming what a management request is about, taken by the gateway from the URL path
 * ({@code /api/teams/{teamId}/members/{userId}}) and read by the user-service. The gateway removes any a client
 * sent before it sets them, so only the path can name a target.
 */
public final class Targets {

    public static final String TEAM = "X-Target-Team";
    public static final String SITE = "X-Target-Site";
    public static final String MEMBER = "X-Target-Member";
    public static final String KEY = "X-Target-Key";
    public static final String SHARE = "X-Target-Share";
    public static final String INVITATION = "X-Target-Invitation";
    /** An invitation or share token, as the path carries it. */
    public static final String TOKEN = "X-Target-Token";
    /** The {@code team} query parameter of a site listing or creation. */
    public static final String TEAM_FILTER = "X-Target-Team-Filter";

    public static final List<String> ALL = List.of(TEAM, SITE, MEMBER, KEY, SHARE, INVITATION, TOKEN, TEAM_FILTER);

    private Targets() {
    }
}
