package io.fleetdiag.processor.alerts.rules;

import io.fleetdiag.processor.alerts.AlertCondition;
import io.fleetdiag.processor.alerts.Evidence;
import io.fleetdiag.processor.alerts.Rule;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.InventoryEntry;
import io.fleetdiag.schemas.Presence;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalState;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * FIRMWARE_BEHIND: the terminal's firmware has been older than the most common firmware of its model in its merchant
 * account for a while (docs/alerts.md#firmware). The firmware counts say since when (firmwareBehindSince); a wall-clock
 * rule. It resolves when the terminal reaches that version or the most common version moves to its own. Never for a terminal
 * that never connected (NEVER_SEEN): it still has its factory release.
 */
public final class FirmwareBehindRule implements Rule {

    private final Duration after;

    public FirmwareBehindRule(Duration after) {
        this.after = after;
    }

    @Override
    public AlertType type() {
        return AlertType.FIRMWARE_BEHIND;
    }

    @Override
    public Optional<AlertCondition> evaluate(TerminalState state, boolean active, Instant now) {
        Optional<Instant> due = dueAt(state);
        if (due.isEmpty() || now.isBefore(due.get())) {
            return Optional.empty();
        }
        InventoryEntry entry = state.getInventory();
        return Optional.of(new AlertCondition(type(), Severity.WARNING,
                state.getPoiid() + " runs " + entry.getFirmwareVersion() + ", behind " + entry.getCommonFirmware() + " of most "
                        + entry.getModel() + " terminals of " + state.getMerchantAccount() + " since " + entry.getFirmwareBehindSince(),
                evidence(state, now),
                "Terminals update their firmware when they restart and are online at their restart hour: check it stays powered on and"
                        + " connected overnight, restart it, and check the release it should have in the Customer Area"
                        + " (In-person payments > Terminals > the terminal)."));
    }

    @Override
    public Map<String, String> evidence(TerminalState state, Instant now) {
        InventoryEntry entry = state.getInventory();
        return entry == null ? Map.of() : Evidence.of("firmwareVersion", entry.getFirmwareVersion(), "commonFirmware",
                entry.getCommonFirmware(), "model", entry.getModel(), "firmwareBehindSince", entry.getFirmwareBehindSince());
    }

    @Override
    public Optional<Instant> nextWallClockCheck(TerminalState state, boolean active) {
        return active ? Optional.empty() : dueAt(state);
    }

    private Optional<Instant> dueAt(TerminalState state) {
        InventoryEntry entry = state.getInventory();
        // one that never connected cannot update yet: NEVER_CONNECTED says what to do, and it updates once it connects
        return entry == null || entry.getFirmwareBehindSince() == null || state.getPresence() == Presence.NEVER_SEEN ? Optional.empty()
                : Optional.of(entry.getFirmwareBehindSince().plus(after));
    }
}
