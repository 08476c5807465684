package io.fleetdiag.processor.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdiag.schemas.AlertScope;
import io.fleetdiag.service.http.HttpCall;
import java.util.Optional;

/** Finds an alert episode by alertId, active or recently resolved. */
public interface AlertFinder {

    /** An episode as found: its subject and type, whether it is still active, and its latest edge as JSON. */
    record Found(String alertId, AlertScope scope, boolean active, ObjectNode json) {
    }

    /**
     * Other instances are asked as the caller of {@code origin}; with {@code local=true} in its query, only this
     * instance's part is looked at (the answer to a peer). The caller's scope is not applied here: the
     * API checks what is found ({@link InScope#target}).
     *
     * @throws QueryException.Unavailable while the stores cannot be read (rebalancing, restoring) or an instance does not answer
     */
    Optional<Found> find(HttpCall origin, String alertId) throws QueryException;
}
