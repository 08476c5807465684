package io.fleetdiag.processor.stores;

import io.fleetdiag.schemas.StoreHealth;
import io.fleetdiag.schemas.TerminalAlert;

/** What the store processor emits. */
public sealed interface StoreOutput {

    /** The store's new health, for the compacted store-health topic. */
    record Health(StoreHealth health) implements StoreOutput {
    }

    /** A STORE_DEGRADED edge. */
    record Alert(TerminalAlert alert) implements StoreOutput {
    }
}
