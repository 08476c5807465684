package io.fleetdiag.processor.presence;

import io.fleetdiag.schemas.TerminalAlert;

/** What the presence stage emits: a terminal's presence change, or an edge of a scope's CONNECTIVITY_SOURCE_LOST. */
public sealed interface PresenceOutput {

    record Change(PresenceChange change) implements PresenceOutput {
    }

    record ScopeAlert(TerminalAlert alert) implements PresenceOutput {
    }
}
