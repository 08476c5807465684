package io.fleetdiag.simulator.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an operator sets on a terminal through the admin API; null fields stay as they are. A set
 * condition holds until changed again; with {@code evolve} true the terminal also goes on living.
 * {@code busyCalls} makes the terminal answer Busy to its next that many diagnosis calls, as one in
 * the middle of a sale does, whenever they come.
 */
public record ConditionChange(
        Boolean online,
        Boolean responding,
        Boolean busy,
        Long busyForMs,
        Integer busyCalls,
        Integer battery,
        Boolean charging,
        String paper,
        String globalStatus,
        Boolean communicationOk,
        Boolean tamper,
        Integer unconfirmed,
        Boolean hostReachable,
        Instant sdkExpiry,
        Boolean storeAndForwardActive,
        Instant offlineExpiresAt,
        String forwardAttemptStatus,
        String attestationStatus,
        List<Condition.Issue> resolvableIssues,
        String asyncCaptureStatus,
        Boolean evolve) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Reads the admin API's JSON body; an unknown field is an error that names it. */
    public static ConditionChange fromJson(String json) {
        try {
            return JSON.readValue(json, ConditionChange.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a terminal condition: " + e.getOriginalMessage(), e);
        }
    }

    /** The same from Java, e.g. {@code ConditionChange.of(Map.of("busy", true))}. */
    public static ConditionChange of(Map<String, ?> fields) {
        try {
            return JSON.convertValue(fields, ConditionChange.class);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a terminal condition: " + e.getMessage(), e);
        }
    }
}
