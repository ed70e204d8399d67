package io.trackingsystem.gateway.geo;

import io.trackingsystem.routes.contract.EventLimits;

import java.util.Locale;
import java.util.regex.Pattern;

/** ISO 3166-1 alpha-2 codes as the gateway accepts them from a database or a trusted proxy's header. */
public final class CountryCode {

    private static final Pattern CODE = Pattern.compile(EventLimits.COUNTRY_PATTERN);

    private CountryCode() {
    }

    /**
     * The code in upper case, or "" for anything else: {@code XX} (Cloudflare's "no country"), {@code ZZ} (the
     * code set aside for unknown), {@code T1} (Tor), blanks and longer text all mean unknown.
     */
    public static String of(String text) {
        if (text == null || text.length() != 2) {
            return "";
        }
        String code = text.toUpperCase(Locale.ROOT);
        return CODE.matcher(code).matches() && !code.equals("XX") && !code.equals("ZZ") ? code : "";
    }
}
