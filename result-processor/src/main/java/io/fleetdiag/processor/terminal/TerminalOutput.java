package io.fleetdiag.processor.terminal;

import io.fleetdiag.processor.stores.StoreContribution;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import io.fleetdiag.schemas.TerminalAlert;

/** What the terminal processor emits, each to its own topic. */
public sealed interface TerminalOutput {

    /** The terminal's new state, for the compacted terminal-state topic, already encoded for it; null is a tombstone. */
    record State(byte[] encoded) implements TerminalOutput {
    }

    /** A RAISED, UPDATED or RESOLVED alert edge. */
    record Alert(TerminalAlert alert) implements TerminalOutput {
    }

    /** A check the procedure asks for: the host follow-up, or a check after reconnecting. */
    record Check(DiagnosisCheckRequest request) implements TerminalOutput {
    }

    /** How the terminal counts in its store's health, keyed by store. */
    record Contribution(StoreContribution contribution) implements TerminalOutput {
    }
}
