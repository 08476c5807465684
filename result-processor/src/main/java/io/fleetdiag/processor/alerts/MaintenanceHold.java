package io.fleetdiag.processor.alerts;

import io.fleetdiag.schemas.TerminalEvents;
import io.fleetdiag.schemas.TerminalState;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A terminal that announced BeginMaintenance (a software update, a key injection) is away or busy on purpose: its offline
 * and diagnosis rules are not raised until it announces EndMaintenance, like the reboot window holds them. A terminal that
 * never says EndMaintenance is held at most {@code maxHold}, then judged as any other (docs/alerts.md#maintenance).
 *
 * @param maxHold zero turns the hold off
 */
public record MaintenanceHold(Duration maxHold) {

    public MaintenanceHold {
        Objects.requireNonNull(maxHold, "maxHold");
        if (maxHold.isNegative()) {
            throw new IllegalArgumentException("maxHold cannot be negative: " + maxHold);
        }
    }

    /** When the hold of a terminal in maintenance ends, if it is in maintenance. */
    public Optional<Instant> heldUntil(TerminalState state) {
        TerminalEvents events = state.getEvents();
        if (maxHold.isZero() || events == null || events.getMaintenanceSince() == null) {
            return Optional.empty();
        }
        return Optional.of(events.getMaintenanceSince().plus(maxHold));
    }

    /** Whether a rule that is not raised yet waits at {@code now}. */
    public boolean holds(TerminalState state, boolean active, Instant now) {
        return !active && heldUntil(state).filter(now::isBefore).isPresent();
    }

    /** For a held rule's {@link Rule#nextWallClockCheck}: the end of the hold, when it could raise. */
    public Optional<Instant> recheck(TerminalState state, boolean active) {
        return active ? Optional.empty() : heldUntil(state);
    }
}
