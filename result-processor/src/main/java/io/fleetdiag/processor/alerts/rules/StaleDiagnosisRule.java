package io.fleetdiag.processor.alerts.rules;

import io.fleetdiag.processor.alerts.AlertCondition;
import io.fleetdiag.processor.alerts.Evidence;
import io.fleetdiag.processor.alerts.Rule;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.Presence;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalState;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * STALE_DIAGNOSIS: online, yet no successful diagnosis for too long (counted from the later of the
 * last success and the moment it came online). A wall-clock rule: it fires when nothing arrives.
 */
public final class StaleDiagnosisRule implements Rule {

    private final Duration after;

    public StaleDiagnosisRule(Duration after) {
        this.after = after;
    }

    @Override
    public AlertType type() {
        return AlertType.STALE_DIAGNOSIS;
    }

    private static Instant freshSince(TerminalState state) {
        Instant onlineSince = state.getPresenceChangedAt();
        Instant success = state.getLastSuccess() == null ? null : state.getLastSuccess().getCompletedAt();
        if (success == null) {
            return onlineSince;
        }
        return onlineSince == null || success.isAfter(onlineSince) ? success : onlineSince;
    }

    @Override
    public Optional<AlertCondition> evaluate(TerminalState state, boolean active, Instant now) {
        Instant since = freshSince(state);
        if (state.getPresence() != Presence.ONLINE || since == null || now.isBefore(since.plus(after))) {
            return Optional.empty();
        }
        return Optional.of(new AlertCondition(type(), Severity.WARNING,
                state.getPoiid() + " is connected but has no successful diagnosis since " + since, evidence(state, now),
                "The terminal keeps its cloud connection but does not complete diagnoses: it may be busy for long or not"
                        + " responding. Check it in the store and restart it if needed."));
    }

    @Override
    public Map<String, String> evidence(TerminalState state, Instant now) {
        return Evidence.of("presence", state.getPresence(), "lastSuccessAt",
                state.getLastSuccess() == null ? null : state.getLastSuccess().getCompletedAt(), "onlineSince", state.getPresenceChangedAt());
    }

    @Override
    public Optional<Instant> nextWallClockCheck(TerminalState state, boolean active) {
        Instant since = freshSince(state);
        return active || state.getPresence() != Presence.ONLINE || since == null ? Optional.empty() : Optional.of(since.plus(after));
    }
}
