package io.fleetdiag.processor.terminal;

import io.fleetdiag.processor.presence.PresenceChange;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.schemas.TerminalInventory;

/** What changes a terminal's state: a finished diagnosis check, a change of presence, or its inventory listing. */
public sealed interface TerminalInput {

    /** A DiagnosisResult from the dispatcher. */
    record Result(DiagnosisResult result) implements TerminalInput {
    }

    /** A presence change from the snapshots. */
    record Presence(PresenceChange change) implements TerminalInput {
    }

    /** The terminal as the fleet inventory lists it now; {@code listing} null when it left the inventory (a tombstone). */
    record Inventory(TerminalInventory listing) implements TerminalInput {
    }
}
