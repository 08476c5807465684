package io.fleetdiag.processor.terminal;

import io.fleetdiag.schemas.Presence;
import io.fleetdiag.schemas.TerminalEvent;
import io.fleetdiag.schemas.TerminalEvents;
import io.fleetdiag.schemas.TerminalState;
import java.time.Instant;

/**
 * How the terminal's own event notifications change its state, in place: the newest one is kept as evidence, OutOfOrder,
 * Shutdown and SecurityAlarm open a condition until the terminal shows it is past it, Begin/EndMaintenance open and close
 * the maintenance hold, NetworkConnected/NetworkDisconnected move presence at once. A notification older than the newest
 * one applied changes nothing, so a late resend does not roll the state back; the same one again changes nothing either.
 */
final class TerminalEventStates {

    private TerminalEventStates() {
    }

    static void apply(TerminalState state, TerminalEvent event) {
        Instant at = event.getOccurredAt();
        TerminalEvents known = state.getEvents();
        // the newest one again (a resend the poller wrote twice) must not reopen what a diagnosis closed since
        if (known != null && (at.isBefore(known.getLastEventAt())
                || at.equals(known.getLastEventAt()) && event.getEventToNotify().equals(known.getLastEvent()))) {
            return;
        }
        TerminalEvents events = known == null ? TerminalEvents.newBuilder().setLastEvent(event.getEventToNotify())
                .setLastEventAt(at).build() : known;
        events.setLastEvent(event.getEventToNotify());
        events.setLastEventAt(at);
        events.setLastEventDetails(event.getEventDetails());
        events.setMaintenanceRequired(event.getMaintenanceRequired());
        state.setEvents(events);
        state.setUpdatedAt(state.getUpdatedAt() == null || at.isAfter(state.getUpdatedAt()) ? at : state.getUpdatedAt());
        switch (event.getEventToNotify()) {
            case "OutOfOrder" -> events.setOutOfOrderAt(at);
            case "Shutdown" -> events.setShutdownAt(at);
            case "SecurityAlarm" -> {
                events.setSecurityAlarmAt(at);
                events.setSecurityAlarmDetails(event.getEventDetails());
            }
            case "BeginMaintenance" -> events.setMaintenanceSince(at);
            case "EndMaintenance" -> {
                events.setMaintenanceSince(null);
                events.setOutOfOrderAt(null);
            }
            case "NetworkConnected" -> {
                events.setShutdownAt(null);
                presence(state, Presence.ONLINE, at);
            }
            case "NetworkDisconnected" -> presence(state, Presence.OFFLINE, at);
            default -> {
                // kept as the last event, with no rule of its own
            }
        }
    }

    /** A successful diagnosis completed at {@code at}: the terminal works, so what it notified before is past. */
    static void diagnosed(TerminalState state, Instant at) {
        TerminalEvents events = state.getEvents();
        if (events == null) {
            return;
        }
        if (before(events.getOutOfOrderAt(), at)) {
            events.setOutOfOrderAt(null);
        }
        if (before(events.getSecurityAlarmAt(), at)) {
            events.setSecurityAlarmAt(null);
            events.setSecurityAlarmDetails(null);
        }
        back(state, at);
    }

    /** The terminal was seen at {@code at}: a shutdown before that is over. */
    static void back(TerminalState state, Instant at) {
        TerminalEvents events = state.getEvents();
        if (events != null && before(events.getShutdownAt(), at)) {
            events.setShutdownAt(null);
        }
    }

    private static boolean before(Instant moment, Instant at) {
        return moment != null && moment.isBefore(at);
    }

    /** Presence as the terminal says it, unless a snapshot or another notification already said something newer. */
    private static void presence(TerminalState state, Presence presence, Instant at) {
        Instant changedAt = state.getPresenceChangedAt();
        if (state.getPresence() == presence || changedAt != null && state.getPresence() != Presence.NEVER_SEEN && at.isBefore(changedAt)) {
            return;
        }
        state.setPresence(presence);
        state.setPresenceChangedAt(at);
        if (presence == Presence.ONLINE) {
            state.setMissedSnapshots(0);
        }
    }
}
