package io.fleetdiag.simulator.fleet;

import java.util.Objects;
import java.util.random.RandomGenerator;

/** A fault of the terminal's communication module (communicationOkFlag false). */
public final class CommunicationFault extends UntilTrouble {

    @Override
    void apply(ConditionChange change, long now) {
        if (change.communicationOk() != null) {
            until = change.communicationOk() ? 0 : FOREVER;
        }
    }

    @Override
    void report(Condition.Builder condition, long now) {
        condition.communicationOk = !holds(now);
    }

    public record Rates(double perHour, Range minutes) implements Episodes {
        public Rates {
            Episodes.rate("communication faults per hour", perHour);
            Objects.requireNonNull(minutes, "communication fault minutes");
        }

        @Override
        public void start(Terminal terminal, long now, RandomGenerator random) {
            long until = now + minutes.drawMinutes(random);
            terminal.start(CommunicationFault.class, now, fault -> fault.start(until));
        }
    }
}
