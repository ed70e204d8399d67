package io.trackingsystem.gateway.ingest;

import java.util.List;

/**
 * What one request asks to ingest, validated and normalised.
 *
 * @param apiKey the key exactly as it was sent
 * @param events the events in canonical shape, in request order
 */
record Submission(String apiKey, List<CanonicalEvent> events) {
}
