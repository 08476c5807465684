package io.fleetdiag.dispatcher.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void allowsOneSecondOfBurstThenTheRate() {
        TokenBucket bucket = new TokenBucket(10, 0);

        for (int i = 0; i < 10; i++) {
            assertThat(bucket.take(0)).isZero();
        }
        assertThat(bucket.take(0)).isEqualTo(SECOND / 10);
        assertThat(bucket.take(SECOND / 10)).isZero();
    }

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
