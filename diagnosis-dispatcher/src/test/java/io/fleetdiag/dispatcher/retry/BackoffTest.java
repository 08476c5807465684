package io.fleetdiag.dispatcher.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), new SplittableRandom(3));

    @Test
    void delaysDoubleWithJitterUpToTheMaximum() {
        for (int attempt = 1; attempt <= 12; attempt++) {
            long ceiling = Math.min(2_000L << (attempt - 1), 300_000);
            assertThat(backoff.after(attempt, null).toMillis()).isBetween(ceiling / 2, ceiling);
        }
    }

    @Test
    void aLongerRetryAfterWins() {
        assertThat(backoff.after(1, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(8, Duration.ofSeconds(1))).isGreaterThan(Duration.ofSeconds(1));
    }
}
