package io.fleetdiag.poller.events;

import java.util.Optional;

/**
 * A body posted to the events listener that is not what its route takes: why, and the terminal if it named one,
 * so {@link Acknowledged#deadLetter} can key the dead letter by it.
 */
public final class UnreadableBody extends Exception {

    private final String poiid;

    public UnreadableBody(String reason, String poiid) {
        super(reason);
        this.poiid = poiid;
    }

    public Optional<String> poiid() {
        return Optional.ofNullable(poiid);
    }
}
