package io.fleetdiag.processor.alerts.rules;

import io.fleetdiag.processor.alerts.AlertCondition;
import io.fleetdiag.processor.alerts.Evidence;
import io.fleetdiag.processor.alerts.Rule;
import io.fleetdiag.schemas.AdditionalResponse;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalState;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** MOBILE_SDK_EXPIRING: the installed Mobile SDK expires soon (sdkExpiry); once expired, transactions are blocked. */
public final class MobileSdkExpiringRule implements Rule {

    private final Duration within;
    private final Duration recoveredBeyond;

    public MobileSdkExpiringRule(Duration within, Duration recoveredBeyond) {
        this.within = within;
        this.recoveredBeyond = recoveredBeyond;
    }

    @Override
    public AlertType type() {
        return AlertType.MOBILE_SDK_EXPIRING;
    }

    private static Instant expiry(TerminalState state) {
        AdditionalResponse additional = Evidence.additional(state);
        return additional == null ? null : additional.getSdkExpiry();
    }

    @Override
    public Optional<AlertCondition> evaluate(TerminalState state, boolean active, Instant now) {
        Instant expiry = expiry(state);
        if (expiry == null || !now.isAfter(expiry.minus(active ? recoveredBeyond : within))) {
            return Optional.empty();
        }
        boolean expired = !now.isBefore(expiry);
        return Optional.of(new AlertCondition(type(), expired ? Severity.CRITICAL : Severity.WARNING,
                "Mobile SDK on " + state.getPoiid() + (expired ? " expired at " : " expires at ") + expiry, evidence(state, now),
                "Update the app to the latest Mobile SDK (Android or iOS): transactions are blocked when a mandatory update is not carried out."));
    }

    @Override
    public Map<String, String> evidence(TerminalState state, Instant now) {
        return Evidence.of("sdkExpiry", expiry(state));
    }

    /** Before the episode: when it starts; during it, until it is CRITICAL: the expiry, when it escalates. */
    @Override
    public Optional<Instant> nextWallClockCheck(TerminalState state, boolean active) {
        Instant expiry = expiry(state);
        if (expiry == null) {
            return Optional.empty();
        }
        if (!active) {
            return Optional.of(expiry.minus(within));
        }
        boolean critical = state.getActiveAlerts().stream()
                .anyMatch(alert -> alert.getType() == type() && alert.getSeverity() == Severity.CRITICAL);
        return critical ? Optional.empty() : Optional.of(expiry);
    }
}
