package io.fleetdiag.processor.alerts;

import io.fleetdiag.schemas.TerminalEvents;
import io.fleetdiag.schemas.TerminalState;
import java.time.Instant;

/** Reads what the terminal's own event notifications left in its state, where it sent any, for the rules. */
public final class TerminalEventEvidence {

    private TerminalEventEvidence() {
    }

    public static String lastEvent(TerminalState state) {
        TerminalEvents events = state.getEvents();
        return events == null ? null : events.getLastEvent() + " at " + events.getLastEventAt();
    }

    public static Instant securityAlarmAt(TerminalState state) {
        return state.getEvents() == null ? null : state.getEvents().getSecurityAlarmAt();
    }

    public static Instant outOfOrderAt(TerminalState state) {
        return state.getEvents() == null ? null : state.getEvents().getOutOfOrderAt();
    }

    public static Instant shutdownAt(TerminalState state) {
        return state.getEvents() == null ? null : state.getEvents().getShutdownAt();
    }

    /** MaintenanceRequiredFlag of the newest notification; null when the terminal sent none. */
    public static Boolean maintenanceRequired(TerminalState state) {
        return state.getEvents() == null ? null : state.getEvents().getMaintenanceRequired();
    }

    public static String details(TerminalState state) {
        return state.getEvents() == null ? null : state.getEvents().getLastEventDetails();
    }
}
