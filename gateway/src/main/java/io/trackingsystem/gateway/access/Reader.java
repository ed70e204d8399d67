package io.trackingsystem.gateway.access;

/**
 * Who reads a site's Analytics API, and through what: a signed-in member ({@code userId}), the site's stats key
 * ({@code keyDigest}) or a share link ({@code shareDigest}). Exactly one of the three is set.
 */
public record Reader(String site, String userId, String keyDigest, String shareDigest) {

    public static final String PROPERTY = "siteReader";

    static Reader member(String site, String userId) {
        return new Reader(site, userId, null, null);
    }

    static Reader statsKey(String site, String keyDigest) {
        return new Reader(site, null, keyDigest, null);
    }

    static Reader share(String site, String shareDigest) {
        return new Reader(site, null, null, shareDigest);
    }
}
