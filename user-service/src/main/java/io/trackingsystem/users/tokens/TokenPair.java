package io.trackingsystem.users.tokens;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What a sign-in or refresh hands out. {@code expiresIn} is the access token's lifetime in seconds. */
public record TokenPair(String accessToken, String refreshToken, long expiresIn) {

    public ObjectNode writeTo(ObjectNode json) {
        return json.put("accessToken", accessToken).put("refreshToken", refreshToken).put("expiresIn", expiresIn);
    }

    @Override
    public String toString() {
        return "TokenPair[expiresIn=" + expiresIn + "]";
    }
}
