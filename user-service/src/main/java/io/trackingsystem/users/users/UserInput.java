package io.trackingsystem.users.users;

import io.trackingsystem.routes.problem.ProblemException.FieldError;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The rules for what a user may type, shared by registration, login and profile changes. */
final class UserInput {

    static final int NAME_MAX = 100;
    static final int EMAIL_MAX = 254;
    static final int PASSWORD_MIN = 8;
    static final int PASSWORD_MAX = 128;

    private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");

    private UserInput() {
    }

    /** The trimmed name, or null after recording why it is unusable. */
    static String name(String raw, List<FieldError> errors) {
        if (raw == null && alreadyInvalid("name", errors)) {
            return null;
        }
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            errors.add(FieldError.of("name", "Enter your name"));
        } else if (name.length() > NAME_MAX) {
            errors.add(FieldError.of("name", "Use at most " + NAME_MAX + " characters"));
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            errors.add(FieldError.of("name", "The name cannot contain control characters"));
        } else {
            return name;
        }
        return null;
    }

    /** The trimmed email as typed, or null after recording why it is unusable. */
    static String email(String raw, List<FieldError> errors) {
        if (raw == null && alreadyInvalid("email", errors)) {
            return null;
        }
        String email = raw == null ? "" : raw.strip();
        if (email.isEmpty()) {
            errors.add(FieldError.of("email", "Enter your email address"));
        } else if (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches()) {
            errors.add(FieldError.of("email", "Enter a valid email address, like name@example.com"));
        } else {
            return email;
        }
        return null;
    }

    /** The password unchanged (spaces count), or null after recording why it is unusable. */
    static String newPassword(String field, String raw, List<FieldError> errors) {
        if (raw == null && alreadyInvalid(field, errors)) {
            return null;
        }
        if (raw == null || raw.isEmpty()) {
            errors.add(FieldError.of(field, "Enter a password"));
        } else if (raw.length() < PASSWORD_MIN) {
            errors.add(FieldError.of(field, "Use at least " + PASSWORD_MIN + " characters"));
        } else if (raw.length() > PASSWORD_MAX) {
            errors.add(FieldError.of(field, "Use at most " + PASSWORD_MAX + " characters"));
        } else {
            return raw;
        }
        return null;
    }

    /** Whether the field was already reported, say for having the wrong type; one message per field is enough. */
    static boolean alreadyInvalid(String field, List<FieldError> errors) {
        return errors.stream().anyMatch(error -> error.field().equals(field));
    }

    /** Emails are unique and matched ignoring case and surrounding space. */
    static String emailKey(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
