package io.trackingsystem.users.sites;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackingsystem.routes.contract.AccessKeys;
import io.trackingsystem.routes.contract.Role;
import io.trackingsystem.users.Responses;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tracked website or app. It belongs to one team; its id names its tracking data. The domain is optional and
 * only fills in the snippet; the time zone is the dashboard's default {@code tz}.
 */
public record Site(String id, String teamId, String name, String domain, String timezone, Instant createdAt,
                   String state) {

    public static final String DELETING = "deleting";
    public static final String DELETED = "deleted";

    static Site fromHash(Map<String, String> hash) {
        return new Site(hash.get("id"), hash.get(AccessKeys.SITE_TEAM), hash.get("name"),
                hash.getOrDefault("domain", ""), hash.getOrDefault("timezone", "UTC"),
                Instant.parse(hash.get("createdAt")), hash.getOrDefault(AccessKeys.SITE_STATE, AccessKeys.ACTIVE));
    }

    Map<String, String> toHash() {
        Map<String, String> hash = new LinkedHashMap<>();
        hash.put("id", id);
        hash.put(AccessKeys.SITE_TEAM, teamId);
        hash.put("name", name);
        hash.put("domain", domain);
        hash.put("timezone", timezone);
        hash.put("createdAt", createdAt.toString());
        hash.put(AccessKeys.SITE_STATE, state);
        return hash;
    }

    public boolean active() {
        return AccessKeys.ACTIVE.equals(state);
    }

    Site with(String newName, String newDomain, String newTimezone) {
        return new Site(id, teamId, newName, newDomain, newTimezone, createdAt, state);
    }

    /** The site as a member holding {@code role} sees it. */
    public ObjectNode toJson(Role role) {
        ObjectNode json = Responses.object();
        json.put("id", id);
        json.put("teamId", teamId);
        json.put("name", name);
        json.put("domain", domain);
        json.put("timezone", timezone);
        json.put("createdAt", createdAt.toString());
        json.put("state", state);
        json.put("role", role.wireName());
        return json;
    }
}
