package io.fleetdiag.simulator.fleet;

import java.util.Objects;
import java.util.random.RandomGenerator;

/** Keeps its cloud connection but answers nothing, like a terminal whose payment app froze. */
public final class Hang extends UntilTrouble {

    @Override
    void apply(ConditionChange change, long now) {
        if (change.responding() != null) {
            until = change.responding() ? 0 : FOREVER;
        }
    }

    @Override
    void report(Condition.Builder condition, long now) {
        condition.responding = !holds(now);
    }

    public record Rates(double perHour, Range minutes) implements Episodes {
        public Rates {
            Episodes.rate("hangs per hour", perHour);
            Objects.requireNonNull(minutes, "hang minutes");
        }

        @Override
        public void start(Terminal terminal, long now, RandomGenerator random) {
            long until = now + minutes.drawMinutes(random);
            terminal.start(Hang.class, now, hang -> hang.start(until));
        }
    }
}
