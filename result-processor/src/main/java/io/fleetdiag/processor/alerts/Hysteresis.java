package io.fleetdiag.processor.alerts;

import java.util.Objects;

/**
 * An alert threshold with a recovery threshold at or beyond it, so a value hovering around the threshold
 * does not raise and resolve the alert at every reading: e.g. BATTERY_LOW raised below 20 percent resolves
 * only at 30, MOBILE_SDK_EXPIRING raised within 14 days resolves only beyond 21.
 *
 * @param raise   where the alert is raised
 * @param resolve where it resolves: at or beyond {@code raise}
 */
public record Hysteresis<T extends Comparable<? super T>>(T raise, T resolve) {

    public Hysteresis {
        Objects.requireNonNull(raise, "raise");
        Objects.requireNonNull(resolve, "resolve");
        if (resolve.compareTo(raise) < 0) {
            throw new IllegalArgumentException("the recovery threshold " + resolve + " must be at or beyond the alert threshold " + raise
                    + " (hysteresis)");
        }
    }
}
