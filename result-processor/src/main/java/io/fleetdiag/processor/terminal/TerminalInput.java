package io.fleetdiag.processor.terminal;

import io.fleetdiag.processor.firmware.FirmwareVerdict;
import io.fleetdiag.processor.presence.PresenceChange;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.schemas.TerminalEvent;
import io.fleetdiag.schemas.TerminalInventory;

/** What changes a terminal's state: a finished diagnosis check, a change of presence, its inventory listing, its firmware verdict, or an event it notified. */
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

    /** What the firmware counts of its model in its merchant account say about the terminal's firmware. */
    record Firmware(FirmwareVerdict verdict) implements TerminalInput {
    }

    /** An EventNotification the terminal sent (terminal-events). */
    record Event(TerminalEvent event) implements TerminalInput {
    }
}
