package io.fleetdiag.poller.inventory;

import java.time.Instant;
import java.util.Objects;

/**
 * What one Management webhook says about a terminal's place in the fleet.
 *
 * @param type       the webhook type, e.g. {@code terminalAssignment.completed}
 * @param account    the merchant (or company) account it is now assigned to; null when the webhook does not say
 * @param companyId  the company account, when the webhook names it
 * @param storeId    the store it is now assigned to, if any
 * @param status     the assignment status it now has ({@code boarded}, {@code inventory}), or null to keep the known one
 * @param at         when Adyen says it happened
 * @param restartLocalTime the restart time its settings now give ({@code HH:mm}), or null to keep the known one
 */
public record TerminalUpdate(String type, String poiid, String account, String companyId, String storeId, String status, Instant at,
                             String restartLocalTime) {

    /** The webhook of a settings change, which names the terminal but not the settings. */
    public static final String SETTINGS = "terminalSettings.modified";

    public TerminalUpdate {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(poiid, "poiid");
        Objects.requireNonNull(at, "at");
    }

    /** What a webhook says, before the terminal's settings are read. */
    public TerminalUpdate(String type, String poiid, String account, String companyId, String storeId, String status, Instant at) {
        this(type, poiid, account, companyId, storeId, status, at, null);
    }

    /** The same, with the restart hour its settings give. */
    public TerminalUpdate restartingAt(int hour) {
        return new TerminalUpdate(type, poiid, account, companyId, storeId, status, at, String.format("%02d:00", hour));
    }
}
