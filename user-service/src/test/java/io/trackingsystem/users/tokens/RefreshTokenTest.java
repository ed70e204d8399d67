package io.trackingsystem.users.tokens;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RefreshTokenTest {

    private final String userId = UUID.randomUUID().toString();

    @Test
    void carriesUserSessionAndA256BitSecret() {
        String sessionId = RefreshToken.newSessionId();
        RefreshToken token = RefreshToken.issue(userId, sessionId);

        assertThat(Base64.getUrlDecoder().decode(token.secret())).hasSize(32);
        assertThat(RefreshToken.parse(token.value())).contains(token);
        assertThat(token.digest()).hasSize(64).doesNotContain(token.secret());
        assertThat(token.toString()).doesNotContain(token.secret());
    }

    @Test
    void issuesADifferentSecretEveryTime() {
        String sessionId = RefreshToken.newSessionId();

        assertThat(RefreshToken.issue(userId, sessionId).secret())
                .isNotEqualTo(RefreshToken.issue(userId, sessionId).secret());
    }

    @Test
    void refusesAnythingElse() {
        String valid = RefreshToken.issue(userId, RefreshToken.newSessionId()).value();

        assertThat(RefreshToken.parse(null)).isEmpty();
        assertThat(RefreshToken.parse("")).isEmpty();
        assertThat(RefreshToken.parse(valid + ".extra")).isEmpty();
        assertThat(RefreshToken.parse("not-a-uuid" + valid.substring(valid.indexOf('.')))).isEmpty();
        assertThat(RefreshToken.parse(valid.substring(0, valid.length() - 1))).isEmpty();
        assertThat(RefreshToken.parse(valid.replace('.', ':'))).isEmpty();
    }
}
