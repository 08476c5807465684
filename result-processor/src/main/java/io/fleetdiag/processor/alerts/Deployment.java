package io.fleetdiag.processor.alerts;

import io.fleetdiag.schemas.InventoryEntry;
import io.fleetdiag.schemas.TerminalState;
import java.util.Set;

/**
 * What the fleet inventory says about a terminal's deployment, for the inventory rules
 * (docs/alerts.md#rules): a terminal is deployed when the Management API lists it as boarded or
 * deployed to a merchant account; one still in a company's or merchant's stock ("inventory") or
 * being reassigned is expected to be away.
 */
public final class Deployment {

    private static final Set<String> DEPLOYED = Set.of("deployed", "boarded");

    private Deployment() {
    }

    /** The state's inventory entry when the terminal is deployed, else null. */
    public static InventoryEntry deployed(TerminalState state) {
        InventoryEntry entry = state.getInventory();
        if (entry == null || state.getMerchantAccount() == null) {
            return null;
        }
        return entry.getAssignmentStatus() == null || DEPLOYED.contains(entry.getAssignmentStatus()) ? entry : null;
    }
}
