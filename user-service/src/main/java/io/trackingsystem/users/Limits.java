package io.trackingsystem.users;

import java.time.Duration;

/** What one team, site or user may hold. Each limit answers 409 with what was reached; the README lists them. */
public final class Limits {

    /** Teams a user may belong to. */
    public static final int TEAMS_PER_USER = 20;
    /** Members plus pending invitations of one team. */
    public static final int MEMBERS_PER_TEAM = 200;
    public static final int SITES_PER_TEAM = 50;
    /** Write and stats keys together, per site. */
    public static final int KEYS_PER_SITE = 20;
    public static final int SHARES_PER_SITE = 20;
    /** How long an invitation can be accepted. */
    public static final Duration INVITATION_TTL = Duration.ofDays(7);
    /** Team and site names. */
    public static final int NAME_MAX = 100;
    public static final int DOMAIN_MAX = 253;

    private Limits() {
    }
}
