package io.fleetdiag.processor.alerts.rules;

import io.fleetdiag.processor.alerts.AlertCondition;
import io.fleetdiag.processor.alerts.Evidence;
import io.fleetdiag.processor.alerts.Rule;
import io.fleetdiag.schemas.AdditionalResponse;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalState;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** ASYNC_CAPTURE_FAILED: retrying captures that failed before did not succeed (iOS asyncCaptureStatus). */
public final class AsyncCaptureFailedRule implements Rule {

    @Override
    public AlertType type() {
        return AlertType.ASYNC_CAPTURE_FAILED;
    }

    private static String status(TerminalState state) {
        AdditionalResponse additional = Evidence.additional(state);
        return additional == null ? null : additional.getAsyncCaptureStatus();
    }

    @Override
    public Optional<AlertCondition> evaluate(TerminalState state, boolean active, Instant now) {
        String status = status(state);
        if (status == null || status.equalsIgnoreCase("Success")) {
            return Optional.empty();
        }
        return Optional.of(new AlertCondition(type(), Severity.WARNING, "Capture retries on " + state.getPoiid() + " failed: " + status,
                evidence(state, now), "Check the device's connectivity; the SDK retries failed captures on the next diagnosis"
                        + " with HostDiagnosisFlag true (iOS includes completed transactions only after 3 minutes)."));
    }

    @Override
    public Map<String, String> evidence(TerminalState state, Instant now) {
        return Evidence.of("asyncCaptureStatus", status(state));
    }
}
