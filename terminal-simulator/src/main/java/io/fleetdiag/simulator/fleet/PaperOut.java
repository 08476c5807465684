package io.fleetdiag.simulator.fleet;

import java.util.Objects;
import java.util.random.RandomGenerator;

/** The printer out of paper until someone refills it. */
public final class PaperOut extends Trouble {

    private static final String OK = "OK";

    private String printer = OK;
    private long refillAt;

    void start(long refillAt) {
        if (OK.equals(printer)) {
            printer = "NoPaper";
            this.refillAt = refillAt;
        }
    }

    @Override
    boolean advance(long now) {
        if (!OK.equals(printer) && now >= refillAt) {
            printer = OK;
        }
        return !OK.equals(printer);
    }

    @Override
    void apply(ConditionChange change, long now) {
        if (change.paper() != null) {
            printer = change.paper();
            refillAt = FOREVER;
        }
    }

    @Override
    void report(Condition.Builder condition, long now) {
        condition.printerStatus = printer;
    }

    public record Rates(double perHour, Range refillMinutes) implements Episodes {
        public Rates {
            Episodes.rate("paper-outs per hour", perHour);
            Objects.requireNonNull(refillMinutes, "paper refill minutes");
        }

        @Override
        public void start(Terminal terminal, long now, RandomGenerator random) {
            long refillAt = now + refillMinutes.drawMinutes(random);
            terminal.start(PaperOut.class, now, paper -> paper.start(refillAt));
        }
    }
}
