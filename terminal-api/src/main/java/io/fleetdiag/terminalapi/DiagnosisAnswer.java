package io.fleetdiag.terminalapi;

import io.fleetdiag.schemas.AdditionalResponse;
import io.fleetdiag.schemas.HostStatus;
import io.fleetdiag.schemas.PoiStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The typed result of one diagnosis call. The parsed parts are fleetdiag's Avro types, so they go into
 * a DiagnosisResult as they are. Fields the answer did not carry are null (or empty).
 *
 * @param httpStatus       HTTP status, null when no answer came (timeout, refused connection)
 * @param result           Response.Result as sent
 * @param errorCondition   Response.ErrorCondition as sent
 * @param message          why the call did not succeed, in one line; null on success
 * @param eventToNotify    EventNotification.EventToNotify when Adyen answered with an event
 * @param retryAfter       how long the server asked us to wait (HTTP Retry-After), if it did
 * @param mayStillRun      no answer came although the request went out (a timeout, a dropped connection): the
 *                         terminal may still be working on it, so the next request to it has to wait
 * @param answeredServiceId MessageHeader.ServiceID of the answer when it differs from the request's (Adyen's own
 *                         documentation examples do this); null when they match or the answer carried none
 */
public record DiagnosisAnswer(CallOutcome outcome, Integer httpStatus, String result, String errorCondition, String message,
                              String eventToNotify, Duration retryAfter, PoiStatus poiStatus, List<HostStatus> hostStatuses,
                              String additionalResponseRaw, AdditionalResponse additionalResponse, Duration latency,
                              boolean mayStillRun, String answeredServiceId) {

    public DiagnosisAnswer {
        hostStatuses = hostStatuses == null ? List.of() : List.copyOf(hostStatuses);
    }

    public Optional<Duration> retryAfterHint() {
        return Optional.ofNullable(retryAfter);
    }

    /** An answer that carries no response body: a transport failure or an HTTP status without a usable body. */
    public static DiagnosisAnswer failure(CallOutcome outcome, Integer httpStatus, String message, Duration retryAfter, Duration latency) {
        return new DiagnosisAnswer(outcome, httpStatus, null, null, message, null, retryAfter, null, List.of(), null, null, latency, false, null);
    }

    /** No answer to a request that went out: retry later, and not before the terminal can have finished it. */
    public static DiagnosisAnswer noAnswer(String message, Duration latency) {
        return new DiagnosisAnswer(CallOutcome.RETRY_LATER, null, null, null, message, null, null, null, List.of(), null, null, latency, true, null);
    }

    public DiagnosisAnswer withLatency(Duration measured) {
        return new DiagnosisAnswer(outcome, httpStatus, result, errorCondition, message, eventToNotify, retryAfter, poiStatus,
                hostStatuses, additionalResponseRaw, additionalResponse, measured, mayStillRun, answeredServiceId);
    }
}
