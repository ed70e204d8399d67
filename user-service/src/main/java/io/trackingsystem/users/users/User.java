package io.trackingsystem.users.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackingsystem.users.Responses;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** An account: who signs in. What it may read or change comes from its teams' memberships. */
public record User(String id, String name, String email, String passwordHash, Instant createdAt, Instant updatedAt) {

    static User fromHash(Map<String, String> hash) {
        return new User(hash.get("id"), hash.get("name"), hash.get("email"), hash.get("passwordHash"),
                Instant.parse(hash.get("createdAt")), Instant.parse(hash.get("updatedAt")));
    }

    Map<String, String> toHash() {
        Map<String, String> hash = new LinkedHashMap<>();
        hash.put("id", id);
        hash.put("name", name);
        hash.put("email", email);
        hash.put("passwordHash", passwordHash);
        hash.put("createdAt", createdAt.toString());
        hash.put("updatedAt", updatedAt.toString());
        return hash;
    }

    /** What the owner sees: everything but the password hash. */
    public ObjectNode toJson() {
        ObjectNode json = Responses.object();
        json.put("id", id);
        json.put("name", name);
        json.put("email", email);
        json.put("createdAt", createdAt.toString());
        json.put("updatedAt", updatedAt.toString());
        return json;
    }

    /** Never prints the password hash, should a user end up in a log line. */
    @Override
    public String toString() {
        return "User[" + id + "]";
    }
}
