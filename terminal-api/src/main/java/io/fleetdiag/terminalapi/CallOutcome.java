package io.fleetdiag.terminalapi;

/** What one Terminal API call came to. Every answer, and every failure to get one, is exactly one of these. */
public enum CallOutcome {
    /** The documented answer: a parsed DiagnosisResponse, or the connected-terminal list. */
    SUCCESS,
    /** Try again later, never interrupting a sale: Busy, InProgress, NotAllowed, HTTP 429, 5xx, a timeout, a refused connection. */
    RETRY_LATER,
    /** Adyen could not reach the terminal: EventNotification Reject ("Did not receive a response from the POI") or ErrorCondition UnreachableHost. */
    TERMINAL_UNREACHABLE,
    /** The request was refused and repeating it will not help: MessageFormat, HTTP 400/404, other ErrorConditions. */
    REJECTED,
    /** HTTP 401/403: a wrong API key or a key without the role; a configuration error. */
    UNAUTHORIZED,
    /** The body was not the documented JSON. */
    MALFORMED
}
