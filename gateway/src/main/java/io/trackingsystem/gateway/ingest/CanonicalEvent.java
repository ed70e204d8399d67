package io.trackingsystem.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackingsystem.gateway.geo.Geolocator;
import io.trackingsystem.gateway.geo.Location;
import io.trackingsystem.routes.contract.EventFields;
import io.trackingsystem.routes.contract.EventLimits;

import java.util.UUID;

/**
 * One event in the shape the tracking-service consumes ({@link EventFields}), whichever API it came in by. Absent
 * values are left out, so entries stay small; {@code props} is always present.
 *
 * <p>The visitor's address is held beside the JSON, never in it: it only feeds the location codes ({@link #locate})
 * and the temporary visitor id, which needs the site and the day's salt and so is added once the key is resolved
 * ({@link TemporaryVisitors}).
 */
final class CanonicalEvent {

    private final ObjectNode json = JsonBody.JSON.createObjectNode();
    private String clientAddress;
    private String proxyCountry = "";
    private String userAgent;

    /**
     * @param messageId the sender's dedupe key; a random UUID when it gave none
     * @param name      {@code pageview} or the event's own name
     * @param type      track, page, screen, identify, group or alias
     */
    CanonicalEvent(String messageId, String name, String type, long timestamp, long receivedAt) {
        json.put(EventFields.ID, messageId != null ? messageId : UUID.randomUUID().toString());
        json.put(EventFields.NAME, name);
        json.put(EventFields.TYPE, type);
        json.put(EventFields.TIMESTAMP, timestamp);
        json.put(EventFields.RECEIVED_AT, receivedAt);
        json.putObject(EventFields.PROPERTIES);
    }

    CanonicalEvent put(String field, String value) {
        if (value != null && !value.isEmpty()) {
            json.put(field, value);
        }
        return this;
    }

    CanonicalEvent put(String field, JsonNode value) {
        if (value != null && !value.isNull() && !value.isMissingNode()) {
            json.set(field, value);
        }
        return this;
    }

    /**
     * Who the event is about: the browser and address the sender named (a server relaying its visitor's event),
     * else those of the HTTP request. They drive the visitor id, the bot filter and the device dimensions.
     */
    CanonicalEvent about(ClientRequest client, String namedUserAgent, String namedAddress) {
        String agent = namedUserAgent != null ? namedUserAgent : client.userAgent();
        userAgent = agent == null || agent.isBlank() ? null
                : agent.substring(0, Math.min(agent.length(), EventLimits.USER_AGENT_CHARS)).strip();
        clientAddress = namedAddress != null ? namedAddress : client.address();
        // a proxy's country describes the request's client, not a visitor a server names
        proxyCountry = namedAddress != null ? "" : client.country();
        return put(EventFields.USER_AGENT, userAgent);
    }

    /** Adds the country, region and city of the event's address; the address itself stays out of the JSON. */
    void locate(Geolocator geolocator) {
        Location location = geolocator.locate(clientAddress, proxyCountry);
        put(EventFields.COUNTRY, location.country());
        put(EventFields.REGION, location.region());
        put(EventFields.CITY, location.city());
    }

    /** The client address of this event, as {@link #about} chose it; null when unknown. Never stored. */
    String clientAddress() {
        return clientAddress;
    }

    String userAgent() {
        return userAgent;
    }

    /** The sender's dedupe key (or the one given for it). */
    String id() {
        return json.get(EventFields.ID).asText();
    }

    long receivedAt() {
        return json.get(EventFields.RECEIVED_AT).asLong();
    }

    /** Only an event with neither user id nor anonymous id is counted by its temporary visitor id. */
    boolean needsTemporaryVisitorId() {
        return !json.has(EventFields.USER_ID) && !json.has(EventFields.ANONYMOUS_ID)
                && (clientAddress != null || userAgent != null);
    }

    void temporaryVisitorId(String id) {
        json.put(EventFields.TEMPORARY_VISITOR_ID, id);
    }

    String toJson() {
        return json.toString();
    }
}
