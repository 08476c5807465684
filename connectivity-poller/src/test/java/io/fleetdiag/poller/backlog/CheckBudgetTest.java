package io.fleetdiag.poller.backlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CheckBudgetTest {

    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");
    private final CheckBudget budget = new CheckBudget(Duration.ofSeconds(60));

    private void reading(int second, boolean committedOnce, long finished, long backlog) {
        budget.observe(new DispatchQueue.Reading(T0.plusSeconds(second), committedOnce, finished, backlog));
    }

    @Test
    void noBudgetBeforeTheDispatchersCommittedOnce() {
        assertThat(budget.allowance(10)).isEqualTo(Long.MAX_VALUE);
        reading(0, false, 0, 5_000);
        assertThat(budget.allowance(10)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void theMeasuredRateSetsTheQueueWhenItExceedsTheDemand() {
        reading(0, true, 1_000, 100);
        reading(10, true, 1_500, 100);

        assertThat(budget.capacity()).hasValue(50);
        assertThat(budget.limit(10)).isEqualTo(3_000);
        assertThat(budget.allowance(10)).isEqualTo(2_900);
    }

    @Test
    void aRateBelowTheDemandIsTakenAsTheDemandSoAHealthyFleetIsNeverThrottledByLaggingCommits() {
        reading(0, true, 1_000, 100);
        reading(10, true, 1_010, 100);

        assertThat(budget.capacity()).hasValue(1);
        assertThat(budget.limit(15)).isEqualTo(900);
        assertThat(budget.allowance(15)).isEqualTo(800);
    }

    @Test
    void aFullQueueAllowsNothingAndTheRateIsTakenOverTheWindowOnly() {
        reading(0, true, 0, 0);
        reading(30, true, 300, 0);
        reading(90, true, 600, 900);
        reading(100, true, 650, 1_000);

        assertThat(budget.capacity()).as("from the readings of the last 60 s").hasValue(5);
        assertThat(budget.allowance(15)).isZero();
    }
}
