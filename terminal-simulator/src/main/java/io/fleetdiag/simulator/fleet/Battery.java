package io.fleetdiag.simulator.fleet;

import java.util.Objects;
import java.util.random.RandomGenerator;

/** A battery that drains until it is docked at a level drawn each time, and charges to full. */
public final class Battery extends Trouble {

    private double level;
    private boolean charging;
    private double dockAt;

    Battery(double level, double dockAt) {
        this.level = level;
        this.dockAt = dockAt;
    }

    /** Moves the level on by {@code hours}. */
    void drift(double hours, Rates rates, RandomGenerator random) {
        if (rates.drainPercentPerHour() == 0 && rates.chargePercentPerHour() == 0) {
            return;
        }
        if (charging) {
            level = Math.min(100, level + rates.chargePercentPerHour() * hours);
            if (level >= 100) {
                charging = false;
                dockAt = rates.dockAtPercent().draw(random);
            }
        } else {
            level = Math.max(0, level - rates.drainPercentPerHour() * hours);
            if (level <= dockAt) {
                charging = true;
            }
        }
    }

    @Override
    void apply(ConditionChange change, long now) {
        if (change.battery() != null) {
            level = Math.max(0, Math.min(100, change.battery()));
        }
        if (change.charging() != null) {
            charging = change.charging();
        }
    }

    @Override
    void report(Condition.Builder condition, long now) {
        condition.batteryLevel = (int) Math.round(level);
        condition.charging = charging;
    }

    public record Rates(double drainPercentPerHour, double chargePercentPerHour, Range dockAtPercent) {
        public Rates {
            Episodes.rate("battery drain per hour", drainPercentPerHour);
            Episodes.rate("battery charge per hour", chargePercentPerHour);
            Objects.requireNonNull(dockAtPercent, "dock-at percent");
        }
    }
}
