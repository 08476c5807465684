package io.fleetdiag.simulator.inventory;

import io.fleetdiag.simulator.fleet.Terminal;
import java.time.Instant;

/**
 * One terminal as the Management API lists it. The fleet's terminals are boarded; the inventory also holds
 * deployed terminals that never connected ({@code terminal} null), which {@code /connectedTerminals} never lists.
 *
 * @param id                the POIID, {@code [model]-[serial]} (a Mobile SDK installation id for SDK installs)
 * @param status            assignment.status: boarded or deployed
 * @param lastSeenAt        when it was last active before the simulator started; null if never
 * @param lastTransactionAt when it last took a payment; null if never
 * @param terminal          the fleet's terminal, null for one that never connected
 */
public record InventoryEntry(String id, String model, String serialNumber, String merchantId, String storeId, String status,
                             Instant lastSeenAt, Instant lastTransactionAt, Terminal terminal) {

    /** assignment.companyId of every simulated terminal. */
    public static final String COMPANY_ID = "AcmeRetailGroup";

    /** lastActivityAt: now while the terminal holds a cloud connection, else when it last did. */
    public Instant lastActivityAt(Instant now) {
        return terminal != null && terminal.online(now.toEpochMilli()) ? now : lastSeenAt;
    }

    /** The firmware it runs: what its diagnosis reports, or the factory version of one never connected. */
    public String firmwareVersion(Instant now) {
        return terminal == null ? "adyen_v1_69p1" : terminal.condition(now.toEpochMilli()).firmwareVersion();
    }
}
