package io.fleetdiag.processor.stores;

import io.fleetdiag.processor.alerts.Hysteresis;

/**
 * When a store is degraded.
 *
 * @param healthyShare STORE_DEGRADED when the share of healthy online terminals falls below {@code raise}, resolved at {@code resolve}
 * @param minTerminals stores with fewer known terminals are never degraded
 */
public record StoreLimits(Hysteresis<Double> healthyShare, int minTerminals) {

    public StoreLimits {
        if (healthyShare.raise() < 0 || healthyShare.resolve() > 1) {
            throw new IllegalArgumentException("the healthy shares must be from 0 to 1, not " + healthyShare);
        }
        if (minTerminals < 1) {
            throw new IllegalArgumentException("minTerminals must be at least 1, not " + minTerminals);
        }
    }
}
