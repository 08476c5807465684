package io.fleetdiag.processor.stores;

import io.fleetdiag.processor.alerts.Hysteresis;

/**
 * When a store is degraded.
 *
 * @param healthyShare STORE_DEGRADED when the share of healthy online terminals falls below {@code raise}, resolved at {@code resolve}
 * @param minTerminals stores with fewer known terminals are never degraded
 */
public record StoreLimits(Hysteresis<Double> healthyShare, int minTerminals) {
}
