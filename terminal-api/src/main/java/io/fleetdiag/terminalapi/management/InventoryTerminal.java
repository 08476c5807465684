package io.fleetdiag.terminalapi.management;

import java.time.Instant;

/**
 * One terminal of the Management API's {@code GET /terminals}. Fields it did not carry are null.
 *
 * @param id                  the POIID, {@code [model]-[serialNumber]}
 * @param status              assignment.status: boarded, deployed, inventory or reassignmentInProgress
 * @param reassignmentTarget  assignment.reassignmentTarget while a reassignment is in progress, as sent (JSON); else null
 * @param connectivity        connectivity as sent (JSON: ethernet, wifi, cellular, bluetooth); null if absent
 * @param restartLocalTime    restartLocalTime, {@code HH:mm} in the terminal's time zone: when it restarts daily; null if absent
 *                            or not a time of day
 */
public record InventoryTerminal(String id, String model, String serialNumber, String firmwareVersion, String companyId,
                                String merchantId, String storeId, String status, String reassignmentTarget,
                                String connectivity, Instant lastActivityAt, Instant lastTransactionAt,
                                String restartLocalTime) {
}
