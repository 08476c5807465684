package io.fleetdiag.dispatcher.offsets;

import java.time.Instant;
import java.util.Optional;

/**
 * The metadata committed with a partition's offset: until when a call its owner started may still be
 * running on a terminal of that partition. An owner that stops cleanly, with nothing in flight, says
 * "now"; one that is killed leaves its last periodic promise, so its successor holds those terminals
 * back until then and no terminal ever gets a second request while it works on the first.
 */
public final class CallsEndBy {

    private static final String PREFIX = "calls-end-by=";

    private CallsEndBy() {
    }

    public static String metadata(Instant until) {
        return PREFIX + until.toEpochMilli();
    }

    /** The promise in committed metadata; empty for metadata of another form (or none). */
    public static Optional<Instant> parse(String metadata) {
        if (metadata == null || !metadata.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(metadata.substring(PREFIX.length()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
