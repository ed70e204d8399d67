package io.trackingsystem.tracking.legacy;

/**
 * The keys of the earlier release's layout, as far as upgrading reads them: every key of an account started with
 * {@code {t:<account>}:main}; raw events lived in one stream per UTC day ({@code :raw:<yyyyMMdd>}, one packed field
 * per entry, see {@link RawFields}), dedupe fingerprints in {@code :dd:<generation>}; the rest were roll-ups and
 * session state that the engine derives itself now. The account's id is the id of its first site.
 */
final class LegacyKeys {

    /** Matches every raw-event stream of every account. */
    static final String RAW_PATTERN = "{t:*}:main:raw:*";

    private final String prefix;

    private LegacyKeys(String account) {
        this.prefix = "{t:" + account + "}:main";
    }

    static LegacyKeys of(String account) {
        return new LegacyKeys(account);
    }

    /** Matches every key of the account. */
    String pattern() {
        return prefix + ":*";
    }

    String raw(String day) {
        return prefix + ":raw:" + day;
    }

    /** The account of a raw stream's key, or null for another key. */
    static String accountOf(String rawKey) {
        int end = rawKey.indexOf("}:main:raw:");
        return rawKey.startsWith("{t:") && end > 3 ? rawKey.substring(3, end) : null;
    }

    /** The yyyyMMdd day of a raw stream's key. */
    static String dayOf(String rawKey) {
        return rawKey.substring(rawKey.lastIndexOf(':') + 1);
    }

    /** The kind of an account key: {@code raw}, {@code dd}, {@code t}, ... */
    String kindOf(String key) {
        String rest = key.substring(prefix.length() + 1);
        int colon = rest.indexOf(':');
        return colon < 0 ? rest : rest.substring(0, colon);
    }

    /** The generation of a {@code dd} key. */
    String generationOf(String dedupeKey) {
        return dedupeKey.substring(dedupeKey.lastIndexOf(':') + 1);
    }
}
