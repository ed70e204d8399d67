package io.trackingsystem.routes.contract;

import java.util.Locale;
import java.util.Optional;

/** A member's role on a team, strongest first. Stored by its lower-case name in {@link AccessKeys#members}. */
public enum Role {
    /** Everything, including deleting the team and changing owners. */
    OWNER,
    /** Sites, keys, members and shares. */
    ADMIN,
    /** Reads stats only. */
    VIEWER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Role other) {
        return ordinal() <= other.ordinal();
    }

    public static Optional<Role> parse(String text) {
        for (Role role : values()) {
            if (role.wireName().equals(text)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
