package io.fleetdiag.simulator.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Misbehaviour injected into answers, each a probability per call. {@code target} says which calls:
 * {@code sync} (diagnosis), {@code connectedTerminals} (the connected-terminal lists of both flavours), {@code deviceStatus}
 * (one terminal's status: the device API's {@code .../status}, or {@code /connectedTerminals} with a uniqueTerminalId) or {@code all}.
 *
 * The components are the JSON fields of {@code POST /admin/faults}, so Jackson reads and writes the record as
 * it is; code makes one by name with {@link #on(String)}, e.g. {@code Faults.on("sync").stall(1.0, 1_500).build()}.
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

    // before NONE: building NONE checks its target against it
    private static final Set<String> TARGETS = Set.of("all", "sync", "connectedTerminals", "deviceStatus");

    public static final Faults NONE = on("all").build();

    /** What one call gets. */
    public enum Kind { NONE, ERROR, TOO_MANY_REQUESTS, SERVER_ERROR, GARBAGE, TRUNCATED, STALL, UNKNOWN_ENUM, BAD_BASE64 }

    public Faults {
        target = target == null ? "all" : target;
        if (!TARGETS.contains(target)) {
            throw new IllegalArgumentException("fault target must be all, sync, connectedTerminals or deviceStatus, not " + target);
        }
        errorCondition = errorCondition == null ? "UnavailableService" : errorCondition;
    }

    /** No faults yet on the calls of {@code target} ({@code all}, {@code sync}, {@code connectedTerminals} or {@code deviceStatus}). */
    public static Builder on(String target) {
        return new Builder(target);
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

    /** The faults by name; each rate is a probability per call, and a call gets at most one fault. */
    public static final class Builder {
        private final String target;
        private double errorRate;
        private String errorCondition;
        private double rate429;
        private int retryAfterSeconds;
        private double rate500;
        private double garbageRate;
        private double truncatedRate;
        private double stallRate;
        private long stallMs;
        private double unknownEnumRate;
        private double badBase64Rate;

        private Builder(String target) {
            this.target = target;
        }

        /** Result Failure with this ErrorCondition; null means UnavailableService. */
        public Builder error(double rate, String condition) {
            errorRate = rate;
            errorCondition = condition;
            return this;
        }

        /** HTTP 429 with Retry-After. */
        public Builder tooManyRequests(double rate, int retryAfter) {
            rate429 = rate;
            retryAfterSeconds = retryAfter;
            return this;
        }

        public Builder serverError(double rate) {
            rate500 = rate;
            return this;
        }

        /** HTTP 200 with a body that is not JSON. */
        public Builder garbage(double rate) {
            garbageRate = rate;
            return this;
        }

        /** HTTP 200 with the documented JSON cut in half. */
        public Builder truncated(double rate) {
            truncatedRate = rate;
            return this;
        }

        /** The answer comes after {@code millis} instead of the usual latency. */
        public Builder stall(double rate, long millis) {
            stallRate = rate;
            stallMs = millis;
            return this;
        }

        public Builder unknownEnums(double rate) {
            unknownEnumRate = rate;
            return this;
        }

        public Builder badBase64(double rate) {
            badBase64Rate = rate;
            return this;
        }

        public Faults build() {
            return new Faults(target, errorRate, errorCondition, rate429, retryAfterSeconds, rate500, garbageRate, truncatedRate,
                    stallRate, stallMs, unknownEnumRate, badBase64Rate);
        }
    }
}
