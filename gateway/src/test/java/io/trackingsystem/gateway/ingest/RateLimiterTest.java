package io.trackingsystem.gateway.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    private static final long NOW = 1_000_000;

    @Test
    void aSiteInDebtStaysLimitedHoweverManySitesComeAndGo() {
        RateLimiter limiter = new RateLimiter(10);
        assertThat(limiter.admit("busy", 10_000, NOW)).isZero();

        long later = NOW;
        for (int i = 0; i < 2 * RateLimiter.MAX_SITES; i++) {
            later = NOW + i;
            assertThat(limiter.admit("site-" + i, 1, later)).isZero();
        }

        assertThat(limiter.admit("busy", 1, later)).isPositive();
        assertThat(limiter.sites()).isLessThanOrEqualTo(RateLimiter.MAX_SITES);
    }

    @Test
    void forgetsOnlyBucketsThatHaveRefilled() {
        RateLimiter limiter = new RateLimiter(10);
        for (int i = 0; i < RateLimiter.MAX_SITES; i++) {
            limiter.admit("site-" + i, 1, NOW);
        }

        limiter.admit("newcomer", 1, NOW + 50);
        assertThat(limiter.sites()).isEqualTo(RateLimiter.MAX_SITES + 1);

        limiter.admit("late", 1, NOW + 1_000);
        assertThat(limiter.sites()).isEqualTo(1);
    }
}
