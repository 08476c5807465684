package io.fleetdiag.processor.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdiag.service.http.HttpCall;

/**
 * A terminal's state as {@code GET /api/terminals/{poiid}} answers it to the caller of {@code origin}, from
 * whichever instance owns it: {@link QueryException.NotFound} when unknown or out of the caller's scope.
 */
@FunctionalInterface
public interface TerminalLookup {
    JsonNode terminal(HttpCall origin, String poiid) throws QueryException;
}
