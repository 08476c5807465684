package io.fleetdiag.processor.alerts;

import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.Severity;
import java.util.Map;

/** An alert condition that holds now: what it is, how bad, in one line, the values behind it, and what to do. */
public record AlertCondition(AlertType type, Severity severity, String summary, Map<String, String> evidence, String remediation) {

    public AlertCondition {
        evidence = Map.copyOf(evidence);
    }
}
