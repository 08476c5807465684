package io.fleetdiag.processor.history;

import java.time.Duration;

/**
 * How much alert history is kept.
 *
 * @param retention     how long a resolved episode stays
 * @param maxPerSubject the most episodes kept per terminal (or store, or scope), the newest
 */
public record HistoryLimits(Duration retention, int maxPerSubject) {

    public HistoryLimits {
        if (retention.compareTo(Duration.ZERO) <= 0) {
            throw new IllegalArgumentException("retention must be above zero, not " + retention);
        }
        if (maxPerSubject < 1) {
            throw new IllegalArgumentException("maxPerSubject must be at least 1, not " + maxPerSubject);
        }
    }
}
