package io.fleetdiag.faults.inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Moments drawn from the seed's {@link Random}, for the faults that happen at random. */
final class Moments {

    private Moments() {
    }

    /** {@code count} moments in [from, to] milliseconds, at least {@code gap} apart. */
    static List<Duration> spread(Random random, int count, long from, long to, long gap) {
        List<Duration> moments = new ArrayList<>();
        long slot = (to - from) / Math.max(1, count);
        for (int i = 0; i < count; i++) {
            long start = from + i * slot;
            moments.add(Duration.ofMillis(start + (slot > gap ? (long) (random.nextDouble() * (slot - gap)) : 0)));
        }
        return List.copyOf(moments);
    }
}
