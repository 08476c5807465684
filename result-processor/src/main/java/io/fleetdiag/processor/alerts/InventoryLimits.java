package io.fleetdiag.processor.alerts;

import java.time.Duration;

/**
 * When the inventory's view of a terminal raises an alert.
 *
 * @param neverConnectedAfter deployed, in the inventory and never listed by a snapshot for this long: NEVER_CONNECTED
 * @param idleAfter           online but no transaction for this long: IDLE
 * @param firmwareBehindAfter firmware older than its model's most common one in the merchant account for this long: FIRMWARE_BEHIND
 * @param reassignmentStuckAfter in assignment status reassignmentInProgress for this long: REASSIGNMENT_STUCK
 */
public record InventoryLimits(Duration neverConnectedAfter, Duration idleAfter, Duration firmwareBehindAfter, Duration reassignmentStuckAfter) {
}
