package io.fleetdiag.processor.terminal;

import io.fleetdiag.processor.stores.StoreContribution;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import io.fleetdiag.schemas.TerminalAlert;

/**
 * What the terminal processor emits, each to its own topic. Each kind names the node of the topology it is
 * forwarded to, so an output goes straight to its sink instead of through a branch and a mapping for each
 * kind (every hop costs the stream thread as much as a small processor, once per result).
 */
public sealed interface TerminalOutput {

    /** The name of the topology node this output is forwarded to. */
    String node();

    /** The terminal's new state, for the compacted terminal-state topic, already encoded for it; null is a tombstone. */
    record State(byte[] encoded) implements TerminalOutput {
        public static final String NODE = "terminal-state-sink";

        @Override
        public String node() {
            return NODE;
        }
    }

    /** A RAISED, UPDATED or RESOLVED alert edge. */
    record Alert(TerminalAlert alert) implements TerminalOutput {
        public static final String NODE = "terminal-alerts-sink";

        @Override
        public String node() {
            return NODE;
        }
    }

    /** A check the procedure asks for: the host follow-up, or a check after reconnecting. */
    record Check(DiagnosisCheckRequest request) implements TerminalOutput {
        public static final String NODE = "follow-up-checks-sink";

        @Override
        public String node() {
            return NODE;
        }
    }

    /** How the terminal counts in its store's health, keyed by store. */
    record Contribution(StoreContribution contribution) implements TerminalOutput {
        public static final String NODE = "store-shares";

        @Override
        public String node() {
            return NODE;
        }
    }
}
