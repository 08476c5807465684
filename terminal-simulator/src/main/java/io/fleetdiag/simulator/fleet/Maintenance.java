package io.fleetdiag.simulator.fleet;

import java.util.Objects;
import java.util.random.RandomGenerator;

/** A software update (globalStatus Maintenance): the firmware version moves on when it ends. */
public final class Maintenance extends Trouble {

    private static final String OK = "OK";

    private final String firmwarePrefix;
    private String globalStatus = OK;
    private long until;
    private int firmwarePatch = 4;

    Maintenance(boolean mobile) {
        this.firmwarePrefix = mobile ? "sdk_2.7." : "adyen_v1_69p";
    }

    void start(long until) {
        if (OK.equals(globalStatus)) {
            globalStatus = "Maintenance";
            this.until = until;
        }
    }

    @Override
    boolean advance(long now) {
        if (!OK.equals(globalStatus) && now >= until) {
            globalStatus = OK;
            firmwarePatch++;
        }
        return !OK.equals(globalStatus);
    }

    @Override
    void apply(ConditionChange change, long now) {
        if (change.globalStatus() != null) {
            globalStatus = change.globalStatus();
            until = FOREVER;
        }
    }

    @Override
    void report(Condition.Builder condition, long now) {
        condition.globalStatus = globalStatus;
        condition.firmwareVersion = firmwarePrefix + firmwarePatch;
    }

    public record Rates(double perHour, Range minutes) implements Episodes {
        public Rates {
            Episodes.rate("maintenances per hour", perHour);
            Objects.requireNonNull(minutes, "maintenance minutes");
        }

        @Override
        public void start(Terminal terminal, long now, RandomGenerator random) {
            long until = now + minutes.drawMinutes(random);
            terminal.start(Maintenance.class, now, maintenance -> maintenance.start(until));
        }
    }
}
