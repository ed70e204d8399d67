package io.trackingsystem.users.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackingsystem.routes.contract.Role;
import io.trackingsystem.users.Responses;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A tenant: it owns sites, and its members hold roles on it. A registration's own team is personal. */
public record Team(String id, String name, boolean personal, Instant createdAt) {

    static Team fromHash(Map<String, String> hash) {
        return new Team(hash.get("id"), hash.get("name"), "1".equals(hash.get("personal")),
                Instant.parse(hash.get("createdAt")));
    }

    Map<String, String> toHash() {
        Map<String, String> hash = new LinkedHashMap<>();
        hash.put("id", id);
        hash.put("name", name);
        hash.put("personal", personal ? "1" : "0");
        hash.put("createdAt", createdAt.toString());
        return hash;
    }

    /** The team as the member holding {@code role} sees it. */
    public ObjectNode toJson(Role role) {
        ObjectNode json = Responses.object();
        json.put("id", id);
        json.put("name", name);
        json.put("personal", personal);
        json.put("role", role.wireName());
        json.put("createdAt", createdAt.toString());
        return json;
    }
}
