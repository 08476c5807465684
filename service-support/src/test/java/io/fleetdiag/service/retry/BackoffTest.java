package io.fleetdiag.service.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {

    private final Backoff jittered = Backoff.jittered(Duration.ofSeconds(2), Duration.ofMinutes(5), new SplittableRandom(3));

    @Test
    void jitteredDelaysDoubleUpToTheMaximum() {
        for (int attempt = 1; attempt <= 12; attempt++) {
            long ceiling = Math.min(2_000L << (attempt - 1), 300_000);
            assertThat(jittered.after(attempt, null).toMillis()).isBetween(ceiling / 2, ceiling);
        }
    }

    @Test
    void jitterSpreadsClientsThatFailedTogether() {
        assertThat(IntStream.range(0, 20).mapToObj(i -> jittered.after(6, null)).distinct().count()).isGreaterThan(1);
    }

    @ParameterizedTest(name = "failure {0}: {1} ms")
    @CsvSource({"1, 1000", "2, 2000", "3, 4000", "5, 16000", "6, 30000", "40, 30000"})
    void exactDelaysDoubleUpToTheMaximum(int failures, long millis) {
        assertThat(Backoff.exact(Duration.ofSeconds(1), Duration.ofSeconds(30)).after(failures, null)).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void aLongerRetryAfterWins() {
        assertThat(jittered.after(1, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(jittered.after(8, Duration.ofSeconds(1))).isGreaterThan(Duration.ofSeconds(1));
        assertThat(Backoff.exact(Duration.ofSeconds(1), Duration.ofSeconds(30)).after(1, Duration.ofMinutes(2))).isEqualTo(Duration.ofMinutes(2));
    }
}
