package io.fleetdiag.benchmarks.soak;

import java.time.Duration;

/**
 * When the fleet has caught up after the dispatcher's restart: every control terminal has a successful check completed
 * after the restart, and the scheduled checks completed since the restart, over at most the last {@link #RATE_WINDOW},
 * are at the demand again (at least {@link #AT_DEMAND} of it, the steady window's target). The control terminals stand
 * for the fleet that stays online: once each has been checked since the restart, the checks the outage held back have
 * been made, and the rate says the schedule runs at its pace rather than trickling.
 *
 * @param restartedAtMs   when the dispatcher was started again, epoch milliseconds
 * @param demandPerSecond terminals / check interval, as the steady window's figure
 */
record CatchUp(long restartedAtMs, double demandPerSecond) {

    /** Long enough that the schedule's unevenness from one minute to the next (a few per cent at 2,000 terminals) does not decide. */
    static final Duration RATE_WINDOW = Duration.ofMinutes(2);
    /** Results of the last seconds may still be on their way to the watch; counting them as missing would understate the rate. */
    static final Duration IN_FLIGHT = Duration.ofSeconds(5);
    static final double AT_DEMAND = 0.95;

    CatchUp {
        if (demandPerSecond <= 0) {
            throw new IllegalArgumentException("the demand must be positive, not " + demandPerSecond);
        }
    }

    /** Where the rate's window starts at {@code nowMs}: never before the restart, so the outage's silence is not counted. */
    long rateFrom(long nowMs) {
        return Math.max(restartedAtMs, rateTo(nowMs) - RATE_WINDOW.toMillis());
    }

    long rateTo(long nowMs) {
        return nowMs - IN_FLIGHT.toMillis();
    }

    /** Scheduled checks per second in the window at {@code nowMs}, given how many completed in it; 0 before it has any length. */
    double rate(long nowMs, long scheduledInWindow) {
        double seconds = (rateTo(nowMs) - rateFrom(nowMs)) / 1000.0;
        return seconds <= 0 ? 0 : scheduledInWindow / seconds;
    }

    boolean reached(long nowMs, int controlChecked, int controlTerminals, long scheduledInWindow) {
        return controlChecked >= controlTerminals && rate(nowMs, scheduledInWindow) >= AT_DEMAND * demandPerSecond;
    }
}
