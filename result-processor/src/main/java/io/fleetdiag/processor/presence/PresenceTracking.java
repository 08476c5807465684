package io.fleetdiag.processor.presence;

import java.time.Duration;

/**
 * How snapshots turn into presence.
 *
 * @param offlineAfterMissedSnapshots consecutive snapshots without a terminal before it counts as offline
 * @param lastSeenResolution          while a terminal stays online, how often its lastSeenAt is refreshed
 */
public record PresenceTracking(int offlineAfterMissedSnapshots, Duration lastSeenResolution) {
}
