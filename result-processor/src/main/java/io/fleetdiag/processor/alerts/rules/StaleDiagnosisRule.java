package io.fleetdiag.processor.alerts.rules;

import io.fleetdiag.processor.alerts.AlertCondition;
import io.fleetdiag.processor.alerts.Evidence;
import io.fleetdiag.processor.alerts.MaintenanceHold;
import io.fleetdiag.processor.alerts.Rule;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.CheckSummary;
import io.fleetdiag.schemas.DiagnosisOutcome;
import io.fleetdiag.schemas.Presence;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalState;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * STALE_DIAGNOSIS: online, yet no successful diagnosis for too long (counted from the later of the
 * last success and the moment it came online), and a check that reached the terminal in the second half
 * of that time did not succeed. A wall-clock rule: it fires when nothing more arrives. A terminal
 * fleetdiag did not get to (its checks queued, or expired unattempted) is fleetdiag's backlog, not the
 * terminal's fault: the poller raises one DIAGNOSIS_BACKLOG for the fleet instead (issue 23). That
 * includes a terminal whose one failed check came just before a backlog: it is blamed only once
 * fleetdiag tried it again (the 100k soak's dispatcher outage made 1,763 such terminals stale).
 */
public final class StaleDiagnosisRule implements Rule {

    private final Duration after;
    private final MaintenanceHold maintenance;

    public StaleDiagnosisRule(Duration after, MaintenanceHold maintenance) {
        this.after = after;
        this.maintenance = maintenance;
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

    /** Whether a check reached the terminal after {@code since} and did not succeed (the last check is always an attempted one). */
    private static boolean attemptFailedSince(TerminalState state, Instant since) {
        CheckSummary last = state.getLastCheck();
        return last != null && last.getAttempts() > 0 && last.getOutcome() != DiagnosisOutcome.SUCCESS && last.getCompletedAt().isAfter(since);
    }

    /**
     * Whether that failed check is recent at {@code moment}: in the second half of the stale time, so fleetdiag kept trying.
     * Asked before raising only: a raised alert stays until a success or the terminal leaves, whatever fleetdiag's backlog.
     */
    private boolean failedRecently(TerminalState state, Instant moment) {
        return !state.getLastCheck().getCompletedAt().isBefore(moment.minus(after.dividedBy(2)));
    }

    @Override
    public Optional<AlertCondition> evaluate(TerminalState state, boolean active, Instant now) {
        Instant since = freshSince(state);
        if (state.getPresence() != Presence.ONLINE || since == null || now.isBefore(since.plus(after)) || !attemptFailedSince(state, since)
                || !active && !failedRecently(state, now) || maintenance.holds(state, active, now)) {
            return Optional.empty();
        }
        return Optional.of(new AlertCondition(type(), Severity.WARNING,
                state.getPoiid() + " is connected but has no successful diagnosis since " + since, evidence(state, now),
                "The terminal keeps its cloud connection but does not complete diagnoses: it may be busy for long or not"
                        + " responding. Check it in the store and restart it if needed."));
    }

    @Override
    public Map<String, String> evidence(TerminalState state, Instant now) {
        CheckSummary last = state.getLastCheck();
        return Evidence.of("presence", state.getPresence(), "lastSuccessAt",
                state.getLastSuccess() == null ? null : state.getLastSuccess().getCompletedAt(), "onlineSince", state.getPresenceChangedAt(),
                "lastOutcome", last == null ? null : last.getOutcome(), "lastCheckAt", last == null ? null : last.getCompletedAt());
    }

    @Override
    public Optional<Instant> nextWallClockCheck(TerminalState state, boolean active) {
        Instant since = freshSince(state);
        // without a failed attempt nothing can fire on the clock: the next result is evaluated when it comes
        if (active || state.getPresence() != Presence.ONLINE || since == null || !attemptFailedSince(state, since)) {
            return Optional.empty();
        }
        Instant stale = since.plus(after);
        // held by maintenance past the moment it would go stale: look again when the hold ends
        Instant due = maintenance.heldUntil(state).filter(stale::isBefore).orElse(stale);
        // by then the failure is old: nothing fires on the clock, the next attempt's result is evaluated when it comes
        return failedRecently(state, due) ? Optional.of(due) : Optional.empty();
    }
}
