package io.trackingsystem.users;

import io.trackingsystem.routes.problem.ProblemException.FieldError;

import java.util.List;

/** Names people give teams and sites: trimmed, 1 to {@link Limits#NAME_MAX} characters, no control characters. */
public final class Names {

    private Names() {
    }

    /** The trimmed name, or null after recording why it is unusable. */
    public static String of(String field, String raw, List<FieldError> errors) {
        if (raw == null && errors.stream().anyMatch(error -> error.field().equals(field))) {
            return null;
        }
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            errors.add(FieldError.of(field, "Enter a name"));
        } else if (name.length() > Limits.NAME_MAX) {
            errors.add(FieldError.of(field, "Use at most " + Limits.NAME_MAX + " characters"));
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            errors.add(FieldError.of(field, "The name cannot contain control characters"));
        } else {
            return name;
        }
        return null;
    }
}
