package io.fleetdiag.processor.alerts.rules;

import io.fleetdiag.processor.alerts.AlertCondition;
import io.fleetdiag.processor.alerts.Evidence;
import io.fleetdiag.processor.alerts.Rule;
import io.fleetdiag.schemas.AdditionalResponse;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.StoreAndForwardStatus;
import io.fleetdiag.schemas.TerminalState;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** OFFLINE_PAYMENTS_EXPIRING: store-and-forward is active and offline payments stop being possible soon (expiresAt). */
public final class OfflinePaymentsExpiringRule implements Rule {

    private final Duration within;
    private final Duration recoveredBeyond;

    public OfflinePaymentsExpiringRule(Duration within, Duration recoveredBeyond) {
        this.within = within;
        this.recoveredBeyond = recoveredBeyond;
    }

    @Override
    public AlertType type() {
        return AlertType.OFFLINE_PAYMENTS_EXPIRING;
    }

    private static StoreAndForwardStatus storeAndForward(TerminalState state) {
        AdditionalResponse additional = Evidence.additional(state);
        return additional == null ? null : additional.getStoreAndForwardStatus();
    }

    @Override
    public Optional<AlertCondition> evaluate(TerminalState state, boolean active, Instant now) {
        StoreAndForwardStatus saf = storeAndForward(state);
        if (saf == null || !Boolean.TRUE.equals(saf.getActive()) || saf.getExpiresAt() == null
                || !now.isAfter(saf.getExpiresAt().minus(active ? recoveredBeyond : within))) {
            return Optional.empty();
        }
        return Optional.of(new AlertCondition(type(), Severity.CRITICAL,
                state.getPoiid() + " is offline with stored payments; offline payments end at " + saf.getExpiresAt(), evidence(state, now),
                "Bring the device online: offline payments stop being possible at expiresAt unless the device goes online so"
                        + " Adyen can attest its security, and stored payments are only forwarded once it is online."));
    }

    @Override
    public Map<String, String> evidence(TerminalState state, Instant now) {
        StoreAndForwardStatus saf = storeAndForward(state);
        return saf == null ? Map.of() : Evidence.of("storeAndForwardActive", saf.getActive(), "expiresAt", saf.getExpiresAt());
    }

    @Override
    public Optional<Instant> nextWallClockCheck(TerminalState state, boolean active) {
        StoreAndForwardStatus saf = storeAndForward(state);
        return active || saf == null || !Boolean.TRUE.equals(saf.getActive()) || saf.getExpiresAt() == null
                ? Optional.empty() : Optional.of(saf.getExpiresAt().minus(within));
    }
}
