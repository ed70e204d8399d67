package io.trackingsystem.gateway.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;

/** An HTTP answer as the gateway's tests read it. */
public record Response(int status, HttpHeaders headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** A problem+json answer (any parameters aside) whose {@code status} member matches the HTTP status. */
    public boolean isProblem(int expected) {
        String type = String.valueOf(header("Content-Type")).split(";")[0].trim();
        return status == expected && type.equals("application/problem+json")
                && json().path("status").asInt() == expected;
    }
}
