package io.fleetdiag.processor.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import io.fleetdiag.service.Json;
import io.fleetdiag.service.fleet.ManualCheck;
import io.fleetdiag.service.http.HttpCall;
import io.fleetdiag.service.http.Reply;
import io.fleetdiag.service.http.Route;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code POST /api/checks {"poiid": "...", "hostDiagnosis": true|false}}: asks for a MANUAL diagnosis,
 * the same request {@code fleetdiag check} writes, for a terminal the processor knows (404 otherwise). It
 * answers 202 once the broker has the request; the result arrives on the terminal's state later.
 */
public final class CheckRequestsApi {

    private static final int LONGEST_POIID = 100;

    /** The terminal's state as {@code GET /api/terminals/{poiid}} answers it, from whichever instance owns it. */
    @FunctionalInterface
    public interface TerminalLookup {
        Reply terminal(String poiid) throws Exception;
    }

    private final TerminalLookup terminals;
    private final Producer<String, DiagnosisCheckRequest> producer;
    private final String topic;
    private final Clock clock;

    public CheckRequestsApi(TerminalLookup terminals, Producer<String, DiagnosisCheckRequest> producer, String topic, Clock clock) {
        this.terminals = terminals;
        this.producer = producer;
        this.topic = topic;
        this.clock = clock;
    }

    public Map<String, Route> routes() {
        return Map.of("/api/checks", this::check);
    }

    private Reply check(HttpCall call) throws Exception {
        if (!call.method().equals("POST") || !call.rest().isEmpty()) {
            return Reply.error(405, "POST /api/checks {\"poiid\": \"...\", \"hostDiagnosis\": false} asks for a MANUAL diagnosis");
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(call.body());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            return Reply.error(400, "The body must be a JSON object: {\"poiid\": \"V400m-123456789\", \"hostDiagnosis\": false}");
        }
        JsonNode poiid = body.path("poiid");
        if (!poiid.isTextual() || poiid.asText().isBlank() || poiid.asText().length() > LONGEST_POIID) {
            return Reply.error(400, "poiid must be the terminal's POIID (text, at most " + LONGEST_POIID + " characters)");
        }
        JsonNode host = body.path("hostDiagnosis");
        if (!host.isMissingNode() && !host.isNull() && !host.isBoolean()) {
            return Reply.error(400, "hostDiagnosis must be true or false");
        }
        Reply known = terminals.terminal(poiid.asText());
        if (known.status() != 200) {
            return known;
        }
        JsonNode state = Json.MAPPER.readTree(known.body());
        DiagnosisCheckRequest request = ManualCheck.request(poiid.asText(), text(state, "merchantAccount"), text(state, "store"),
                host.asBoolean(false), clock.instant());
        try {
            producer.send(new ProducerRecord<>(topic, request.getPoiid(), request)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return Reply.error(503, "The check request was not written, try again: " + e.getMessage());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("requestId", request.getRequestId());
        answer.put("poiid", request.getPoiid());
        answer.put("hostDiagnosis", request.getHostDiagnosis());
        return Reply.json(202, Json.write(answer));
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
