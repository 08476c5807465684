package io.fleetdiag.processor.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdiag.schemas.AlertScope;
import java.util.Optional;

/** Finds an alert episode by alertId, active or recently resolved. */
public interface AlertFinder {

    /** An episode as found: its subject and type, whether it is still active, and its latest edge as JSON. */
    record Found(String alertId, AlertScope scope, boolean active, ObjectNode json) {
    }

    /**
     * @param localOnly look only at this instance's part (the answer to a peer)
     * @throws QueryException.Unavailable while the stores cannot be read (rebalancing, restoring) or an instance does not answer
     */
    Optional<Found> find(String alertId, boolean localOnly) throws QueryException;
}
