package io.fleetdiag.simulator.fleet;

import java.util.Objects;
import java.util.random.RandomGenerator;

/** A fault of the terminal's communication module (communicationOkFlag false). */
public final class CommunicationFault extends Trouble {

    private boolean communicationOk = true;
    private long until;

    void start(long until) {
        if (communicationOk) {
            communicationOk = false;
            this.until = until;
        }
    }

    @Override
    boolean advance(long now) {
        if (!communicationOk && now >= until) {
            communicationOk = true;
        }
        return !communicationOk;
    }

    @Override
    void apply(ConditionChange change, long now) {
        if (change.communicationOk() != null) {
            communicationOk = change.communicationOk();
            until = FOREVER;
        }
    }

    @Override
    void report(Condition.Builder condition, long now) {
        condition.communicationOk = communicationOk;
    }

    public record Rates(double perHour, Range minutes) implements Episodes {
        public Rates {
            Episodes.rate("communication faults per hour", perHour);
            Objects.requireNonNull(minutes, "communication fault minutes");
        }

        @Override
        public void start(Terminal terminal, long now, RandomGenerator random) {
            long until = now + minutes.drawMinutes(random);
            terminal.start(CommunicationFault.class, fault -> fault.start(until));
        }
    }
}
