package io.fleetdiag.simulator.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.random.RandomGenerator;

/**
 * Misbehaviour injected into answers, each a probability per call. {@code target} says which calls:
 * {@code sync} (diagnosis), {@code connectedTerminals} (both connected-terminal calls) or {@code all}.
 *
 * @param errorRate          Result Failure with {@code errorCondition} (default UnavailableService)
 * @param rate429            HTTP 429 with Retry-After {@code retryAfterSeconds}
 * @param rate500            HTTP 500
 * @param garbageRate        HTTP 200 with a body that is not JSON
 * @param truncatedRate      HTTP 200 with the documented JSON cut in half
 * @param stallRate          the answer comes after {@code stallMs} instead of the usual latency
 * @param unknownEnumRate    GlobalStatus, PrinterStatus and attestation status values no document lists
 * @param badBase64Rate      networkProfile and the mobile keys that are not Base64
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record Faults(String target, double errorRate, String errorCondition, double rate429, int retryAfterSeconds,
                     double rate500, double garbageRate, double truncatedRate, double stallRate, long stallMs,
                     double unknownEnumRate, double badBase64Rate) {

    public static final Faults NONE = new Faults("all", 0, null, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** What one call gets. */
    public enum Kind { NONE, ERROR, TOO_MANY_REQUESTS, SERVER_ERROR, GARBAGE, TRUNCATED, STALL, UNKNOWN_ENUM, BAD_BASE64 }

    public Faults {
        target = target == null ? "all" : target;
        if (!target.equals("all") && !target.equals("sync") && !target.equals("connectedTerminals")) {
            throw new IllegalArgumentException("fault target must be all, sync or connectedTerminals, not " + target);
        }
        errorCondition = errorCondition == null ? "UnavailableService" : errorCondition;
    }

    boolean appliesTo(String kind) {
        return target.equals("all") || target.equals(kind);
    }

    /** Draws the fault of one call: at most one, in the order of the fields. */
    Kind draw(String kind, RandomGenerator random) {
        if (!appliesTo(kind)) {
            return Kind.NONE;
        }
        double roll = random.nextDouble();
        double[] rates = {errorRate, rate429, rate500, garbageRate, truncatedRate, stallRate, unknownEnumRate, badBase64Rate};
        Kind[] kinds = {Kind.ERROR, Kind.TOO_MANY_REQUESTS, Kind.SERVER_ERROR, Kind.GARBAGE, Kind.TRUNCATED, Kind.STALL,
                Kind.UNKNOWN_ENUM, Kind.BAD_BASE64};
        double sum = 0;
        for (int i = 0; i < rates.length; i++) {
            sum += rates[i];
            if (roll < sum) {
                return kinds[i];
            }
        }
        return Kind.NONE;
    }
}
