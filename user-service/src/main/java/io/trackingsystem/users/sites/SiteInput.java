package io.trackingsystem.users.sites;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackingsystem.routes.problem.ProblemException.FieldError;
import io.trackingsystem.users.Limits;
import io.trackingsystem.users.Requests;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The rules for a site's settings, shared by creation and changes. */
final class SiteInput {

    private static final Pattern HOSTNAME = Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)*"
            + "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private SiteInput() {
    }

    /** A host name such as {@code example.com}, lower-cased; empty for none; null after recording an error. */
    static String domain(ObjectNode body, List<FieldError> errors) {
        String raw = Requests.text(body, "domain", errors);
        String domain = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (domain.isEmpty() || (domain.length() <= Limits.DOMAIN_MAX && HOSTNAME.matcher(domain).matches())) {
            return domain;
        }
        errors.add(FieldError.of("domain", "Enter a host name like example.com, without https:// or a path"));
        return null;
    }

    /** An IANA zone such as {@code Europe/Berlin}; {@code UTC} when absent; null after recording an error. */
    static String timezone(ObjectNode body, List<FieldError> errors) {
        String raw = Requests.text(body, "timezone", errors);
        if (raw == null || raw.isBlank()) {
            return "UTC";
        }
        try {
            return ZoneId.of(raw.strip()).getId();
        } catch (DateTimeException e) {
            errors.add(FieldError.of("timezone", "Use an IANA time zone such as Europe/Berlin"));
            return null;
        }
    }
}
