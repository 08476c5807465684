package io.fleetdiag.processor.alerts.rules;

import io.fleetdiag.processor.alerts.AlertCondition;
import io.fleetdiag.processor.alerts.Evidence;
import io.fleetdiag.processor.alerts.Rule;
import io.fleetdiag.schemas.AdditionalResponse;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.AttestationResult;
import io.fleetdiag.schemas.AttestationStatus;
import io.fleetdiag.schemas.ResolvableIssue;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalState;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** ATTESTATION_PROBLEM: the device's security check says Rejected, Failed or Expired (or a status no document lists). */
public final class AttestationProblemRule implements Rule {

    @Override
    public AlertType type() {
        return AlertType.ATTESTATION_PROBLEM;
    }

    private static AttestationStatus attestation(TerminalState state) {
        AdditionalResponse additional = Evidence.additional(state);
        return additional == null ? null : additional.getAttestationStatus();
    }

    @Override
    public Optional<AlertCondition> evaluate(TerminalState state, boolean active, Instant now) {
        AttestationStatus attestation = attestation(state);
        if (attestation == null || attestation.getStatus() == AttestationResult.VALID) {
            return Optional.empty();
        }
        String issues = attestation.getResolvableIssues().stream().map(ResolvableIssue::getMessage).collect(Collectors.joining(" "));
        String remediation = switch (attestation.getStatus()) {
            case REJECTED -> "A threat was detected on the device and transactions are blocked." + (issues.isEmpty() ? "" : " " + issues);
            case FAILED -> "The security of the device could not be attested, e.g. after a loss of internet connectivity:"
                    + " restore connectivity; a diagnosis with HostDiagnosisFlag true attests again.";
            case EXPIRED -> "An attestation token expired: retry the diagnosis with HostDiagnosisFlag true when internet"
                    + " connectivity is restored.";
            default -> "The device reports attestation status " + attestation.getStatusValue() + "." + (issues.isEmpty() ? "" : " " + issues);
        };
        Severity severity = attestation.getStatus() == AttestationResult.REJECTED ? Severity.CRITICAL : Severity.WARNING;
        return Optional.of(new AlertCondition(type(), severity, "Attestation of " + state.getPoiid() + ": " + attestation.getStatusValue(),
                evidence(state, now), remediation));
    }

    @Override
    public Map<String, String> evidence(TerminalState state, Instant now) {
        AttestationStatus attestation = attestation(state);
        if (attestation == null) {
            return Map.of();
        }
        return Evidence.of("attestationStatus", attestation.getStatusValue(),
                "resolvableIssues", attestation.getResolvableIssues().isEmpty() ? null : attestation.getResolvableIssues().stream()
                        .map(issue -> issue.getName() + ": " + issue.getMessage()).collect(Collectors.joining("; ")));
    }
}
