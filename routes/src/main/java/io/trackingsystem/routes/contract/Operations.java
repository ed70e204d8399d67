package io.trackingsystem.routes.contract;

/**
 * The operations each service answers over its request stream, as {@code service:<service>?operation=<name>}.
 * Callers build endpoint URIs here, so a name is spelled once for both ends.
 */
public final class Operations {

    public static final String USER_SERVICE = "user-service";
    /** The endpoint option of operations whose requests carry a secret: both ends add it, see {@code Sealing}. */
    public static final String SEALED = "&sealed=true";
    public static final String TRACKING_SERVICE = "tracking-service";

    // user-service: accounts and sessions
    public static final String REGISTER = "register";
    public static final String LOGIN = "login";
    public static final String REFRESH = "refresh";
    public static final String LOGOUT = "logout";
    public static final String ME = "me";
    public static final String UPDATE_ME = "updateMe";
    /** Replaces the write keys of the caller's first site with one new key. */
    public static final String ROTATE_API_KEY = "rotateApiKey";

    // user-service: teams, members and invitations
    public static final String LIST_TEAMS = "listTeams";
    public static final String CREATE_TEAM = "createTeam";
    public static final String SHOW_TEAM = "showTeam";
    public static final String UPDATE_TEAM = "updateTeam";
    public static final String DELETE_TEAM = "deleteTeam";
    public static final String LIST_MEMBERS = "listMembers";
    public static final String UPDATE_MEMBER = "updateMember";
    public static final String REMOVE_MEMBER = "removeMember";
    public static final String CREATE_INVITATION = "createInvitation";
    public static final String LIST_INVITATIONS = "listInvitations";
    public static final String DELETE_INVITATION = "deleteInvitation";
    public static final String ACCEPT_INVITATION = "acceptInvitation";

    // user-service: sites, their keys and shares
    public static final String LIST_SITES = "listSites";
    public static final String CREATE_SITE = "createSite";
    public static final String SHOW_SITE = "showSite";
    public static final String UPDATE_SITE = "updateSite";
    public static final String DELETE_SITE = "deleteSite";
    public static final String LIST_KEYS = "listKeys";
    public static final String CREATE_KEY = "createKey";
    public static final String DELETE_KEY = "deleteKey";
    public static final String LIST_SHARES = "listShares";
    public static final String CREATE_SHARE = "createShare";
    public static final String DELETE_SHARE = "deleteShare";
    /** A shared dashboard's public face: the site's name and zone, for a share token. */
    public static final String SHOW_SHARE = "showShare";

    // tracking-service: the Analytics API, each for the site named by the principal
    public static final String OVERVIEW = "overview";
    public static final String TIMESERIES = "timeseries";
    public static final String BREAKDOWN = "breakdown";
    public static final String REALTIME = "realtime";
    public static final String EVENTS = "events";
    public static final String FUNNEL = "funnel";
    public static final String RETENTION = "retention";
    public static final String EXPORT = "export";
    /** The dimensions the Analytics API breaks down and filters by, with their labels, for the dashboard. */
    public static final String DIMENSIONS = "dimensions";
    /** What became of the site's events over the last 24 hours: accepted, stored, dropped by reason. */
    public static final String INGEST = "ingest";
    /**
     * Deletes the principal's site's data in bounded steps: 202 {@code {"state":"deleting"}} while it runs (call
     * again to poll), 200 {@code {"state":"deleted"}} once done.
     */
    public static final String PURGE_SITE = "purgeSite";

    private Operations() {
    }

    public static String userService(String operation) {
        return "service:" + USER_SERVICE + "?operation=" + operation;
    }

    public static String trackingService(String operation) {
        return "service:" + TRACKING_SERVICE + "?operation=" + operation;
    }
}
