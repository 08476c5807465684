package io.fleetdiag.processor.history;

import java.time.Instant;

/**
 * Keys of the episode table: the subject, then the episode's start inverted, then its alertId, so one
 * subject's episodes are one prefix and read newest first. The separator is NUL, which no POIID, store
 * or scope key holds, so one subject's prefix never matches another's.
 */
final class EpisodeKey {

    private static final char SEPARATOR = '\u0000';
    private static final int MILLIS_DIGITS = 19;

    private EpisodeKey() {
    }

    static String of(String subject, Instant raisedAt, String alertId) {
        String inverted = Long.toString(Long.MAX_VALUE - Math.max(0, raisedAt.toEpochMilli()));
        return prefix(subject) + "0".repeat(MILLIS_DIGITS - inverted.length()) + inverted + SEPARATOR + alertId;
    }

    /** What every key of the subject's episodes starts with. */
    static String prefix(String subject) {
        return subject + SEPARATOR;
    }
}
