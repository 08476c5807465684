package io.fleetdiag.processor.alerts;

import java.time.Duration;

/**
 * When a terminal's diagnoses raise an alert by count or age.
 *
 * @param failingAfter          consecutive unsuccessful checks for DIAGNOSIS_FAILING
 * @param staleAfter            online without a successful diagnosis for this long: STALE_DIAGNOSIS
 * @param unconfirmedCriticalAt UNCONFIRMED_BATCH is WARNING above 0 and CRITICAL from this many payments
 */
public record DiagnosisLimits(int failingAfter, Duration staleAfter, int unconfirmedCriticalAt) {

    public DiagnosisLimits {
        if (failingAfter < 1) {
            throw new IllegalArgumentException("failingAfter must be at least 1, not " + failingAfter);
        }
        if (staleAfter.compareTo(Duration.ZERO) <= 0) {
            throw new IllegalArgumentException("staleAfter must be above zero, not " + staleAfter);
        }
        if (unconfirmedCriticalAt < 2) {
            throw new IllegalArgumentException("unconfirmedCriticalAt must be at least 2 (WARNING starts at 1), not " + unconfirmedCriticalAt);
        }
    }
}
