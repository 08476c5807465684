package io.fleetdiag.terminalapi.management;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adyen's terminal actions (Management API v3), blocking: {@code POST /terminals/scheduleActions} with a ForceReboot, in calls of
 * at most {@link #MAX_TERMINALS_PER_CALL} terminals, and {@code GET /companies/{companyId}/terminalActions/{actionId}} to follow
 * one. The key needs the Management API role "Terminal actions".
 */
public final class TerminalActionsClient {

    /** Adyen takes at most this many terminalIds in one scheduleActions call. */
    public static final int MAX_TERMINALS_PER_CALL = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One terminal's action, as scheduled. */
    public record Scheduled(String terminalId, String actionId) {
    }

    /** What a ForceReboot of many terminals came to: the scheduled actions, and why each terminal that was not scheduled was not. */
    public record Schedule(List<Scheduled> scheduled, Map<String, String> errors) {
        public Schedule {
            scheduled = List.copyOf(scheduled);
            errors = Map.copyOf(errors);
        }
    }

    /** A terminal action as Adyen reports it; {@code status} pending, successful, failed, cancelled or tryLater. */
    public record Action(String id, String terminalId, String actionType, String status, String result, Instant scheduledAt,
                         Instant confirmedAt) {
    }

    private final ManagementApiConfig config;
    private final HttpClient http;

    public TerminalActionsClient(ManagementApiConfig config) {
        this.config = config;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (config.trustStore() != null) {
            builder.sslContext(config.trustStore().sslContext());
        }
        this.http = builder.build();
    }

    /** Schedules a ForceReboot of {@code terminalIds} as soon as possible (their next maintenance call), batched. */
    public Schedule forceReboot(List<String> terminalIds) throws ManagementApiException {
        List<Scheduled> scheduled = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (int from = 0; from < terminalIds.size(); from += MAX_TERMINALS_PER_CALL) {
            List<String> batch = terminalIds.subList(from, Math.min(terminalIds.size(), from + MAX_TERMINALS_PER_CALL));
            ObjectNode request = JSON.createObjectNode();
            request.putObject("actionDetails").put("type", "ForceReboot");
            request.put("scheduledAt", "");
            batch.forEach(request.putArray("terminalIds")::add);
            JsonNode answer = call("POST /terminals/scheduleActions", HttpRequest.newBuilder(URI.create(config.baseUrl() + "/terminals/scheduleActions"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(request.toString())));
            for (JsonNode item : answer.path("items")) {
                scheduled.add(new Scheduled(item.path("terminalId").asText(), item.path("id").asText()));
            }
            answer.path("terminalsWithErrors").fields().forEachRemaining(entry -> {
                List<String> reasons = new ArrayList<>();
                entry.getValue().forEach(reason -> reasons.add(reason.asText()));
                errors.put(entry.getKey(), String.join("; ", reasons));
            });
        }
        return new Schedule(scheduled, errors);
    }

    /** One action of the company, as it stands now. */
    public Action action(String companyId, String actionId) throws ManagementApiException {
        JsonNode answer = call("GET /companies/{companyId}/terminalActions/{actionId}", HttpRequest.newBuilder(URI.create(config.baseUrl()
                + "/companies/" + encode(companyId) + "/terminalActions/" + encode(actionId))).GET());
        return new Action(answer.path("id").asText(actionId), answer.path("terminalId").asText(null), answer.path("actionType").asText(null),
                answer.path("status").asText(null), answer.path("result").asText(null), instant(answer.get("scheduledAt")),
                instant(answer.get("confirmedAt")));
    }

    private JsonNode call(String what, HttpRequest.Builder request) throws ManagementApiException {
        HttpResponse<String> response;
        try {
            response = http.send(request.header("X-API-Key", config.apiKey().reveal()).header("Accept", "application/json")
                    .timeout(config.requestTimeout()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ManagementApiException(0, what + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ManagementApiException(0, what + " interrupted", e);
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            body = null;
        }
        if (response.statusCode() != 200) {
            String detail = body == null ? "" : " " + body.path("title").asText("") + ": " + body.path("detail").asText("");
            String hint = switch (response.statusCode()) {
                case 401 -> " (check " + ManagementApiConfig.KEY_ENV + ")";
                case 403 -> " (the key lacks the Management API role for terminal actions)";
                default -> "";
            };
            throw new ManagementApiException(response.statusCode(), what + ": HTTP " + response.statusCode() + detail + hint, null);
        }
        if (body == null || !body.isObject()) {
            throw new ManagementApiException(200, what + " answered with something that is not a JSON object", null);
        }
        return body;
    }

    private static Instant instant(JsonNode node) {
        if (node == null || node.isNull() || node.asText().isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(node.asText()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
