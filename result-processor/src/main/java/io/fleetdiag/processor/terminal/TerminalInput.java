package io.fleetdiag.processor.terminal;

import io.fleetdiag.processor.presence.PresenceChange;
import io.fleetdiag.schemas.DiagnosisResult;

/** What changes a terminal's state: a finished diagnosis check or a change of presence. */
public sealed interface TerminalInput {

    /** A DiagnosisResult from the dispatcher. */
    record Result(DiagnosisResult result) implements TerminalInput {
    }

    /** A presence change from the snapshots. */
    record Presence(PresenceChange change) implements TerminalInput {
    }
}
