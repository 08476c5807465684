package io.fleetdiag.simulator.fleet;

import java.util.random.RandomGenerator;

/** The anti-removal switches triggered (UX300, UX410). */
public final class Tamper extends UntilTrouble {

    @Override
    void apply(ConditionChange change, long now) {
        if (change.tamper() != null) {
            until = change.tamper() ? FOREVER : 0;
        }
    }

    @Override
    void report(Condition.Builder condition, long now) {
        condition.tampered = holds(now);
    }

    /** With {@code recoveryMinutes} 0 a tampered terminal stays so, as a real one does until Adyen support acts. */
    public record Rates(double perHour, double recoveryMinutes) implements Episodes {
        public Rates {
            Episodes.rate("tampers per hour", perHour);
            Episodes.rate("tamper recovery minutes", recoveryMinutes);
        }

        @Override
        public void start(Terminal terminal, long now, RandomGenerator random) {
            long until = recoveryMinutes > 0 ? now + (long) (recoveryMinutes * 60_000) : FOREVER;
            terminal.start(Tamper.class, now, tamper -> tamper.start(until));
        }
    }
}
