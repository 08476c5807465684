package io.fleetdiag.simulator.fleet;

import java.util.random.RandomGenerator;

/** How often episodes of a trouble start on a terminal, and what one episode is. */
public interface Episodes {

    /** Mean episodes per terminal per hour. */
    double perHour();

    /**
     * Draws one episode starting at {@code now} and starts it on the terminal: a no-op where the
     * terminal's model cannot have the trouble, it already has it, or it stopped evolving. The draws
     * happen either way, so a seed's life does not depend on which terminal was picked.
     */
    void start(Terminal terminal, long now, RandomGenerator random);

    /** A rate as a record's constructor checks it: finite and not negative. */
    static double rate(String name, double perHour) {
        if (!(perHour >= 0) || Double.isInfinite(perHour)) {
            throw new IllegalArgumentException(name + " must be a finite rate >= 0, not " + perHour);
        }
        return perHour;
    }
}
