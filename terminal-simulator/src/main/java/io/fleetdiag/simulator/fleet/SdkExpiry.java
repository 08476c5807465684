package io.fleetdiag.simulator.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/** A Mobile SDK version's expiry: a share of installations starts with one within a week. */
public final class SdkExpiry extends Trouble {

    private Instant expiry;

    SdkExpiry(Instant expiry) {
        this.expiry = expiry;
    }

    @Override
    void apply(ConditionChange change, long now) {
        if (change.sdkExpiry() != null) {
            expiry = change.sdkExpiry();
        }
    }

    @Override
    void report(Condition.Builder condition, long now) {
        condition.sdkExpiry = expiry;
    }

    /** {@code expiringFraction}: the share of installations whose SDK expires within a week of the fleet's start. */
    public record Rates(double expiringFraction) {
        public Rates {
            if (!(expiringFraction >= 0 && expiringFraction <= 1)) {
                throw new IllegalArgumentException("the expiring fraction must be in [0, 1], not " + expiringFraction);
            }
        }

        /** An installation's SDK expiry, drawn when the fleet is generated. */
        Instant draw(Instant now, RandomGenerator random) {
            return random.nextDouble() < expiringFraction
                    ? now.plus(Duration.ofHours(1 + random.nextInt(24 * 7)))
                    : now.plus(Duration.ofDays(60 + random.nextInt(300)));
        }
    }
}
