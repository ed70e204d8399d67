package io.trackingsystem.tracking.ingest;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.IntegerOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.trackingsystem.routes.redis.Redis;
import io.trackingsystem.tracking.pipeline.Event;
import io.trackingsystem.tracking.storage.SiteKeys;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The publish step: after a batch is stored, its new events go to the site's live channel as one JSON array.
 * Fire and forget, at most once: live views may miss an event, the stored counts never do. The array is written
 * as UTF-8 by a streaming generator, not built as a tree of nodes: at tens of thousands of events per second the
 * difference is a noticeable share of the service's CPU.
 */
final class LivePublisher {

    private static final JsonFactory JSON = new JsonFactory();

    private final Redis redis;

    LivePublisher(Redis redis) {
        this.redis = redis;
    }

    /**
     * Publishes the events that were stored, not the duplicates. A visit's session id is the one given, else a
     * provisional one: the stored events' visits are settled when they are read.
     */
    void publish(String site, List<Event> events, boolean[] duplicate) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(events.size() * 256);
        int published = 0;
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartArray();
            for (int i = 0; i < events.size(); i++) {
                if (!duplicate[i]) {
                    Event event = events.get(i);
                    describe(json, event, event.sessionId().isEmpty() ? event.newSessionId() : event.sessionId());
                    published++;
                }
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON into memory cannot fail", e);
        }
        if (published > 0) {
            // the message goes out as the bytes written, not as a string Lettuce would encode character by character
            CommandArgs<String, String> args = new CommandArgs<>(StringCodec.UTF8)
                    .addKey(SiteKeys.of(site).liveChannel()).add(out.toByteArray());
            redis.async().dispatch(CommandType.PUBLISH, new IntegerOutput<>(StringCodec.UTF8), args);
        }
    }

    private static void describe(JsonGenerator json, Event event, String sessionId) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", event.name());
        json.writeStringField("type", event.type());
        json.writeNumberField("ts", event.ts());
        json.writeStringField("visitorId", event.visitorId());
        json.writeStringField("sessionId", sessionId);
        writeIfPresent(json, "path", event.path());
        writeIfPresent(json, "referrer", event.source());
        writeIfPresent(json, "browser", event.browser());
        writeIfPresent(json, "os", event.os());
        writeIfPresent(json, "device", event.device());
        writeIfPresent(json, "country", event.country());
        if (!event.props().isEmpty()) {
            json.writeObjectFieldStart("props");
            for (Map.Entry<String, String> property : event.props().entrySet()) {
                json.writeStringField(property.getKey(), property.getValue());
            }
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void writeIfPresent(JsonGenerator json, String field, String value) throws IOException {
        if (!value.isEmpty()) {
            json.writeStringField(field, value);
        }
    }
}
