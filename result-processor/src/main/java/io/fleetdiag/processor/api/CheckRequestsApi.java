package io.fleetdiag.processor.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import io.fleetdiag.service.Json;
import io.fleetdiag.service.fleet.ManualCheck;
import io.fleetdiag.service.http.HttpCall;
import io.fleetdiag.service.http.Permission;
import io.fleetdiag.service.http.Reply;
import io.fleetdiag.service.http.Route;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code POST /api/checks {"poiid": "...", "hostDiagnosis": true|false}}: asks for a MANUAL diagnosis,
 * the same request {@code fleetdiag check} writes, for a terminal the processor knows and the caller's scope
 * covers (404 otherwise, as for an unknown one). It
 * answers 202 once the broker has the request; the result arrives on the terminal's state later.
 */
public final class CheckRequestsApi {

    private static final int LONGEST_POIID = 100;

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

    public List<Route> routes() {
        return List.of(Route.post("/api/checks", Permission.RUN_CHECKS,
                "asks for a MANUAL diagnosis of a known terminal: {\"poiid\", \"hostDiagnosis\"}; 202 once written", Failures.mapped(this::check))
                .accepting(Route.SMALL_BODY * 4));
    }

    private Reply check(HttpCall call) throws QueryException {
        JsonNode body = OperationRequests.body(call, "{\"poiid\": \"V400m-123456789\", \"hostDiagnosis\": false}");
        JsonNode poiid = body.path("poiid");
        if (!poiid.isTextual() || poiid.asText().isBlank() || poiid.asText().length() > LONGEST_POIID) {
            throw new QueryException.BadRequest("poiid must be the terminal's POIID (text, at most " + LONGEST_POIID + " characters)");
        }
        JsonNode host = body.path("hostDiagnosis");
        if (!host.isMissingNode() && !host.isNull() && !host.isBoolean()) {
            throw new QueryException.BadRequest("hostDiagnosis must be true or false");
        }
        JsonNode state = terminals.terminal(call, poiid.asText());
        DiagnosisCheckRequest request = ManualCheck.request(poiid.asText(), text(state, "merchantAccount"), text(state, "store"),
                host.asBoolean(false), clock.instant());
        OperationRequests.written(producer, new ProducerRecord<>(topic, request.getPoiid(), request), "the check-requests topic");
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
