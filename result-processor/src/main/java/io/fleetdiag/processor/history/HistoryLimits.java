package io.fleetdiag.processor.history;

import java.time.Duration;

/**
 * How much alert history is kept.
 *
 * @param retention     how long a resolved episode stays
 * @param maxPerSubject the most episodes kept per terminal (or store, or scope), the newest
 */
public record HistoryLimits(Duration retention, int maxPerSubject) {
}
