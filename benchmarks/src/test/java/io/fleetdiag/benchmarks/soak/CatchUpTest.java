package io.fleetdiag.benchmarks.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class CatchUpTest {

    private static final long RESTART = 1_000_000_000L;
    private static final long MINUTE = 60_000;
    /** 2,000 terminals every 5 minutes. */
    private final CatchUp catchUp = new CatchUp(RESTART, 2_000 / 300.0);

    @Test
    void theRateWindowNeverReachesBackIntoTheOutage() {
        long now = RESTART + MINUTE + 5_000;

        assertThat(catchUp.rateFrom(now)).isEqualTo(RESTART);
        assertThat(catchUp.rateTo(now)).isEqualTo(RESTART + MINUTE);
        assertThat(catchUp.rate(now, 400)).isCloseTo(400 / 60.0, offset(1e-9));
    }

    @Test
    void laterTheRateIsTakenOverTheLastTwoMinutesBeforeTheResultsInFlight() {
        long now = RESTART + 10 * MINUTE;

        assertThat(catchUp.rateFrom(now)).isEqualTo(now - 5_000 - 2 * MINUTE);
        assertThat(catchUp.rateTo(now)).isEqualTo(now - 5_000);
        assertThat(catchUp.rate(now, 800)).isCloseTo(800 / 120.0, offset(1e-9));
    }

    @Test
    void caughtUpOnceEveryControlTerminalIsCheckedAndTheChecksAreAtDemand() {
        long now = RESTART + 10 * MINUTE;

        assertThat(catchUp.reached(now, 50, 50, 800)).isTrue();
        // 95 % of the demand (800 checks in 2 minutes) still counts as at demand, as in the steady window
        assertThat(catchUp.reached(now, 50, 50, 760)).isTrue();
    }

    @Test
    void notCaughtUpWhileOneControlTerminalWaitsForItsCheck() {
        assertThat(catchUp.reached(RESTART + 10 * MINUTE, 49, 50, 2_000)).isFalse();
    }

    @Test
    void notCaughtUpWhileTheChecksTrickleBelowTheDemand() {
        assertThat(catchUp.reached(RESTART + 10 * MINUTE, 50, 50, 759)).isFalse();
    }

    @Test
    void notCaughtUpBeforeTheWindowHasAnyLength() {
        assertThat(catchUp.reached(RESTART + 5_000, 50, 50, 100)).isFalse();
        assertThat(catchUp.rate(RESTART + 1_000, 100)).isZero();
    }

    @Test
    void aDemandOfNothingIsRefused() {
        assertThatThrownBy(() -> new CatchUp(RESTART, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
