package io.fleetdiag.processor.presence;

import java.time.Duration;

/**
 * How snapshots turn into presence.
 *
 * @param offlineAfterMissedSnapshots consecutive snapshots without a terminal before it counts as offline
 * @param lastSeenResolution          while a terminal stays online, how often its lastSeenAt is refreshed
 */
public record PresenceTracking(int offlineAfterMissedSnapshots, Duration lastSeenResolution) {

    public PresenceTracking {
        if (offlineAfterMissedSnapshots < 1) {
            throw new IllegalArgumentException("offlineAfterMissedSnapshots must be at least 1, not " + offlineAfterMissedSnapshots);
        }
        if (lastSeenResolution.compareTo(Duration.ZERO) <= 0) {
            throw new IllegalArgumentException("lastSeenResolution must be above zero, not " + lastSeenResolution);
        }
    }
}
