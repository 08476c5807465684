package io.fleetdiag.simulator.fleet;

import java.util.random.RandomGenerator;

/** A closed range of durations or amounts, drawn from uniformly. */
public record Range(double min, double max) {

    public Range {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("bad range [" + min + ", " + max + "]");
        }
    }

    public static Range of(double min, double max) {
        return new Range(min, max);
    }

    public double draw(RandomGenerator random) {
        return min == max ? min : min + random.nextDouble() * (max - min);
    }

    /** A drawn number of seconds, in milliseconds. */
    long drawSeconds(RandomGenerator random) {
        return (long) (draw(random) * 1_000);
    }

    /** A drawn number of minutes, in milliseconds. */
    long drawMinutes(RandomGenerator random) {
        return (long) (draw(random) * 60_000);
    }
}
