package io.fleetdiag.terminalapi;

import io.fleetdiag.schemas.AdditionalResponse;
import io.fleetdiag.schemas.HostStatus;
import io.fleetdiag.schemas.PoiStatus;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The typed result of one diagnosis call. The parsed parts are fleetdiag's Avro types, so they go into
 * a DiagnosisResult as they are. Fields the answer did not carry are null (or empty). Made by a
 * {@link Builder} that names each part, since most answers carry only a few of them.
 */
public final class DiagnosisAnswer {

    private final Builder parts;

    private DiagnosisAnswer(Builder parts) {
        this.parts = parts.copy();
    }

    public static Builder builder(CallOutcome outcome) {
        return new Builder(outcome);
    }

    /** An answer that carries no response body: a transport failure or an HTTP status without a usable body. */
    public static DiagnosisAnswer failure(CallOutcome outcome, Integer httpStatus, String message, Duration retryAfter, Duration latency) {
        return builder(outcome).httpStatus(httpStatus).message(message).retryAfter(retryAfter).latency(latency).build();
    }

    /** No answer to a request that went out: retry later, and not before the terminal can have finished it. */
    public static DiagnosisAnswer noAnswer(String message, Duration latency) {
        return builder(CallOutcome.RETRY_LATER).message(message).latency(latency).mayStillRun(true).build();
    }

    public DiagnosisAnswer withLatency(Duration measured) {
        return parts.copy().latency(measured).build();
    }

    public CallOutcome outcome() {
        return parts.outcome;
    }

    /** HTTP status, null when no answer came (timeout, refused connection). */
    public Integer httpStatus() {
        return parts.httpStatus;
    }

    /** Response.Result as sent. */
    public String result() {
        return parts.result;
    }

    /** Response.ErrorCondition as sent. */
    public String errorCondition() {
        return parts.errorCondition;
    }

    /** Why the call did not succeed, in one line; null on success. */
    public String message() {
        return parts.message;
    }

    /** EventNotification.EventToNotify when Adyen answered with an event. */
    public String eventToNotify() {
        return parts.eventToNotify;
    }

    /** How long the server asked us to wait (HTTP Retry-After), if it did. */
    public Duration retryAfter() {
        return parts.retryAfter;
    }

    public Optional<Duration> retryAfterHint() {
        return Optional.ofNullable(parts.retryAfter);
    }

    public PoiStatus poiStatus() {
        return parts.poiStatus;
    }

    public List<HostStatus> hostStatuses() {
        return parts.hostStatuses;
    }

    public String additionalResponseRaw() {
        return parts.additionalResponseRaw;
    }

    public AdditionalResponse additionalResponse() {
        return parts.additionalResponse;
    }

    public Duration latency() {
        return parts.latency;
    }

    /**
     * No answer came although the request went out (a timeout, a dropped connection): the terminal may
     * still be working on it, so the next request to it has to wait.
     */
    public boolean mayStillRun() {
        return parts.mayStillRun;
    }

    /**
     * MessageHeader.ServiceID of the answer when it differs from the request's (Adyen's own documentation
     * examples do this); null when they match or the answer carried none.
     */
    public String answeredServiceId() {
        return parts.answeredServiceId;
    }

    @Override
    public String toString() {
        return "DiagnosisAnswer[outcome=" + parts.outcome + ", httpStatus=" + parts.httpStatus + ", result=" + parts.result
                + ", errorCondition=" + parts.errorCondition + ", message=" + parts.message + ", latency=" + parts.latency
                + ", mayStillRun=" + parts.mayStillRun + "]";
    }

    /** The parts of an answer by name; what is not set stays null (the host statuses empty). */
    public static final class Builder {
        private final CallOutcome outcome;
        private Integer httpStatus;
        private String result;
        private String errorCondition;
        private String message;
        private String eventToNotify;
        private Duration retryAfter;
        private PoiStatus poiStatus;
        private List<HostStatus> hostStatuses = List.of();
        private String additionalResponseRaw;
        private AdditionalResponse additionalResponse;
        private Duration latency;
        private boolean mayStillRun;
        private String answeredServiceId;

        private Builder(CallOutcome outcome) {
            this.outcome = Objects.requireNonNull(outcome, "outcome");
        }

        private Builder copy() {
            return new Builder(outcome).httpStatus(httpStatus).result(result).errorCondition(errorCondition).message(message)
                    .eventToNotify(eventToNotify).retryAfter(retryAfter).poiStatus(poiStatus).hostStatuses(hostStatuses)
                    .additionalResponse(additionalResponseRaw, additionalResponse).latency(latency).mayStillRun(mayStillRun)
                    .answeredServiceId(answeredServiceId);
        }

        public Builder httpStatus(Integer value) {
            httpStatus = value;
            return this;
        }

        public Builder result(String value) {
            result = value;
            return this;
        }

        public Builder errorCondition(String value) {
            errorCondition = value;
            return this;
        }

        public Builder message(String value) {
            message = value;
            return this;
        }

        public Builder eventToNotify(String value) {
            eventToNotify = value;
            return this;
        }

        public Builder retryAfter(Duration value) {
            retryAfter = value;
            return this;
        }

        public Builder poiStatus(PoiStatus value) {
            poiStatus = value;
            return this;
        }

        public Builder hostStatuses(List<HostStatus> value) {
            hostStatuses = value == null ? List.of() : List.copyOf(value);
            return this;
        }

        /** The AdditionalResponse as sent and as parsed, which always go together. */
        public Builder additionalResponse(String raw, AdditionalResponse parsed) {
            additionalResponseRaw = raw;
            additionalResponse = parsed;
            return this;
        }

        public Builder latency(Duration value) {
            latency = value;
            return this;
        }

        public Builder mayStillRun(boolean value) {
            mayStillRun = value;
            return this;
        }

        public Builder answeredServiceId(String value) {
            answeredServiceId = value;
            return this;
        }

        public DiagnosisAnswer build() {
            return new DiagnosisAnswer(this);
        }
    }
}
