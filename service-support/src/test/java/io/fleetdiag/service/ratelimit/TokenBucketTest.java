package io.fleetdiag.service.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void allowsOneSecondOfBurstThenTheRate() {
        TokenBucket bucket = TokenBucket.perSecond(10, 0);

        for (int i = 0; i < 10; i++) {
            assertThat(bucket.take(0)).isZero();
        }
        assertThat(bucket.take(0)).isEqualTo(SECOND / 10);
        assertThat(bucket.take(SECOND / 10)).isZero();
    }

    @Test
    void grantsWhatItHoldsOfAWishAndRefillsAtItsRateUpToItsCapacity() {
        TokenBucket bucket = new TokenBucket(10, 20, 0);

        assertThat(bucket.take(25, 0)).isEqualTo(20);
        assertThat(bucket.take(5, 0)).isZero();
        assertThat(bucket.take(25, SECOND / 2)).isEqualTo(5);
        assertThat(bucket.take(25, 60 * SECOND)).as("saves at most its capacity").isEqualTo(20);
    }

    @Test
    void aClockThatStepsBackRefillsNothing() {
        TokenBucket bucket = new TokenBucket(10, 1, SECOND);
        assertThat(bucket.take(1, SECOND)).isEqualTo(1);

        assertThat(bucket.take(1, 0)).isZero();
        assertThat(bucket.take(1, SECOND + SECOND / 10)).isEqualTo(1);
    }

    @Test
    void refusesABucketThatCouldNeverGrant() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, 0)).hasMessageContaining("positive rate");
        assertThatThrownBy(() -> new TokenBucket(1, 0.5, 0)).hasMessageContaining("room for a token");
    }
}
