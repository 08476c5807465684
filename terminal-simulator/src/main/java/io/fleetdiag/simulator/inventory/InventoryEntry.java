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
 * @param release           the release line of its firmware, {@link #CURRENT_RELEASE} or, for the few left behind, {@link #OLD_RELEASE}
 * @param reassignTo        the merchant account it is being reassigned to while its status is reassignmentInProgress, else null
 * @param iccid             the ICCID of its SIM card (connectivity.cellular), null without one
 * @param simStatus         the SIM card's status: activated, deactivated, ...; null without one
 * @param restartLocalTime  when it restarts daily, {@code HH:mm} local (its hardware.restartHour setting)
 */
public record InventoryEntry(String id, String model, String serialNumber, String merchantId, String storeId, String status,
                             Instant lastSeenAt, Instant lastTransactionAt, Terminal terminal, String release, String reassignTo,
                             String iccid, String simStatus, String restartLocalTime) {

    /** The release line most terminals run: a software update (maintenance) moves the last part on. */
    public static final String CURRENT_RELEASE = "1.98.";
    /** The release line of the terminals the simulator leaves behind (FIRMWARE_BEHIND). */
    public static final String OLD_RELEASE = "1.95.";
    public static final String REASSIGNMENT_IN_PROGRESS = "reassignmentInProgress";

    /** assignment.companyId of every simulated terminal. */
    public static final String COMPANY_ID = "AcmeRetailGroup";
    /** Adyen's default restart hour, which terminals keep until their settings change it. */
    public static final String DEFAULT_RESTART = "06:00";

    /** The same terminal assigned elsewhere, its reassignment finished. */
    public InventoryEntry withAssignment(String merchant, String store, String newStatus) {
        return new InventoryEntry(id, model, serialNumber, merchant, store, newStatus, lastSeenAt, lastTransactionAt, terminal, release,
                null, iccid, simStatus, restartLocalTime);
    }

    /** The same terminal restarting at another time of day. */
    public InventoryEntry withRestartLocalTime(String time) {
        return new InventoryEntry(id, model, serialNumber, merchantId, storeId, status, lastSeenAt, lastTransactionAt, terminal, release,
                reassignTo, iccid, simStatus, time);
    }

    /** lastActivityAt: now while the terminal holds a cloud connection, else when it last did. */
    public Instant lastActivityAt(Instant now) {
        return terminal != null && terminal.online(now.toEpochMilli()) ? now : lastSeenAt;
    }

    /**
     * The firmware as the Management API writes it ({@code "V400m 1.98.4"}): its model and release line, with the patch its
     * diagnosis reports (which a software update moves on); a Mobile SDK installation reports its SDK version as it is.
     */
    public String firmwareVersion(Instant now) {
        if (terminal == null) {
            return model + " " + release + "1";
        }
        String reported = terminal.condition(now.toEpochMilli()).firmwareVersion();
        if (terminal.model().mobile()) {
            return reported;
        }
        int digits = reported.length();
        while (digits > 0 && Character.isDigit(reported.charAt(digits - 1))) {
            digits--;
        }
        return model + " " + release + (digits == reported.length() ? "0" : reported.substring(digits));
    }
}
