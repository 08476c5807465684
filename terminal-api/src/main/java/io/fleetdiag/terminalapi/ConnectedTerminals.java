package io.fleetdiag.terminalapi;

import java.time.Duration;
import java.util.List;

/**
 * The POIIDs with a live cloud connection, or why the list could not be had. Only a SUCCESS carries a
 * list; an empty list on SUCCESS is an answer (no terminal connected, or WebSockets not enabled).
 */
public record ConnectedTerminals(CallOutcome outcome, List<String> uniqueTerminalIds, Integer httpStatus, String message,
                                 Duration retryAfter, Duration latency) {

    public ConnectedTerminals {
        uniqueTerminalIds = uniqueTerminalIds == null ? List.of() : List.copyOf(uniqueTerminalIds);
    }

    public static ConnectedTerminals success(List<String> ids, Duration latency) {
        return new ConnectedTerminals(CallOutcome.SUCCESS, ids, 200, null, null, latency);
    }

    public static ConnectedTerminals failure(CallOutcome outcome, Integer httpStatus, String message, Duration retryAfter, Duration latency) {
        return new ConnectedTerminals(outcome, List.of(), httpStatus, message, retryAfter, latency);
    }
}
