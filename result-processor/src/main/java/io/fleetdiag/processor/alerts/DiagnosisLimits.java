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
}
