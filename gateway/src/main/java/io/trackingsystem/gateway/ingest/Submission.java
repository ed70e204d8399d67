package io.trackingsystem.gateway.ingest;

import java.util.List;

/**
 * What one request asks to ingest, validated and normalised.
 *
 * @param apiKey the key it was sent with
 * @param events canonical event JSON, in request order
 */
record Submission(String apiKey, List<String> events) {
}
