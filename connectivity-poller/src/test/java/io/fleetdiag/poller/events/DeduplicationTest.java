package io.fleetdiag.poller.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeduplicationTest {

    private final AtomicInteger writes = new AtomicInteger();

    private CompletableFuture<Void> write(CompletableFuture<Void> outcome) {
        writes.incrementAndGet();
        return outcome;
    }

    @Test
    void aResendWhileTheFirstIsBeingWrittenWaitsForThatWrite() {
        Deduplication seen = new Deduplication(Duration.ofHours(1), 100, Clock.systemUTC());
        CompletableFuture<Void> broker = new CompletableFuture<>();

        Deduplication.Write first = seen.write("e1", () -> write(broker));
        Deduplication.Write resend = seen.write("e1", () -> write(new CompletableFuture<>()));

        assertThat(first.first()).isTrue();
        assertThat(resend.first()).isFalse();
        assertThat(resend.written()).isNotDone();
        broker.complete(null);
        assertThat(resend.written()).isCompleted();
        assertThat(writes).hasValue(1);
    }

    @Test
    void aFailedWriteIsForgottenSoTheNextResendWritesAgain() {
        Deduplication seen = new Deduplication(Duration.ofHours(1), 100, Clock.systemUTC());

        Deduplication.Write failed = seen.write("e1", () -> write(CompletableFuture.failedFuture(new IllegalStateException("broker down"))));
        Deduplication.Write again = seen.write("e1", () -> write(CompletableFuture.completedFuture(null)));

        assertThat(failed.written()).isCompletedExceptionally();
        assertThat(again.first()).isTrue();
        assertThat(again.written()).isCompleted();
        assertThat(writes).hasValue(2);
    }

    @Test
    void entriesLeaveAfterTheWindowAndBeyondTheLimit() {
        Instant start = Instant.parse("2026-05-25T10:00:00Z");
        MutableClock clock = new MutableClock(start);
        Deduplication seen = new Deduplication(Duration.ofMinutes(10), 2, clock);
        seen.write("e1", () -> write(CompletableFuture.completedFuture(null)));
        seen.write("e2", () -> write(CompletableFuture.completedFuture(null)));
        seen.write("e3", () -> write(CompletableFuture.completedFuture(null)));

        assertThat(seen.write("e2", () -> write(CompletableFuture.completedFuture(null))).first()).isFalse();
        assertThat(seen.write("e1", () -> write(CompletableFuture.completedFuture(null))).first()).as("the oldest beyond the limit").isTrue();

        clock.now = start.plus(Duration.ofMinutes(11));
        assertThat(seen.write("e3", () -> write(CompletableFuture.completedFuture(null))).first()).as("after the window").isTrue();
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
