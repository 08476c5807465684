package io.fleetdiag.dispatcher.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MerchantRateLimiterTest {

    @Test
    void limitsEachMerchantSeparatelyAndZeroMeansNoLimit() {
        MerchantRateLimiter limiter = new MerchantRateLimiter(1);
        assertThat(limiter.take("A", 0)).isZero();
        assertThat(limiter.take("A", 0)).isPositive();
        assertThat(limiter.take("B", 0)).isZero();

        MerchantRateLimiter none = new MerchantRateLimiter(0);
        for (int i = 0; i < 1_000; i++) {
            assertThat(none.take("A", 0)).isZero();
        }
    }
}
