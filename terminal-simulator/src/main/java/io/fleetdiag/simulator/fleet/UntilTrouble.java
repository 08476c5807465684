package io.fleetdiag.simulator.fleet;

/** A trouble whose whole state is the instant its episode ends, 0 when it has none. */
abstract class UntilTrouble extends Trouble {

    long until;

    /** Whether an episode holds at {@code now}. */
    boolean holds(long now) {
        return until != 0 && now < until;
    }

    void start(long until) {
        if (this.until == 0) {
            this.until = until;
        }
    }

    @Override
    boolean advance(long now) {
        if (until != 0 && now >= until) {
            until = 0;
        }
        return until != 0;
    }
}
