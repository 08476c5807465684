package io.fleetdiag.processor.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdiag.processor.operations.AlertOperations;
import io.fleetdiag.processor.operations.Silences;
import io.fleetdiag.schemas.AlertOperation;
import io.fleetdiag.schemas.AlertScope;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.schemas.TerminalState;
import io.fleetdiag.service.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** Acknowledgements and silences as the REST API shows them (flat, ISO-8601 times), and alerts with theirs. */
final class OperationsJson {

    private OperationsJson() {
    }

    static Map<String, Object> silence(AlertOperation silence, Instant now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("silenceId", silence.getId());
        json.put("poiid", silence.getScope().getPoiid());
        json.put("merchantAccount", silence.getScope().getMerchantAccount());
        json.put("store", silence.getScope().getStore());
        json.put("type", silence.getScope().getAlertType());
        json.put("until", silence.getUntil().toString());
        json.put("by", silence.getBy());
        json.put("reason", silence.getNote());
        json.put("createdAt", silence.getCreatedAt().toString());
        json.put("endedAt", silence.getEndedAt() == null ? null : silence.getEndedAt().toString());
        json.put("endedBy", silence.getEndedBy());
        json.put("active", Silences.activeAt(silence, now));
        return json;
    }

    static Map<String, Object> acknowledgement(AlertOperation ack) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("alertId", ack.getId());
        json.put("poiid", ack.getScope().getPoiid());
        json.put("merchantAccount", ack.getScope().getMerchantAccount());
        json.put("store", ack.getScope().getStore());
        json.put("type", ack.getScope().getAlertType());
        json.put("acknowledgedBy", ack.getBy());
        json.put("acknowledgedAt", ack.getCreatedAt().toString());
        json.put("acknowledgementNote", ack.getNote());
        return json;
    }

    /** An active alert with its acknowledgement and whether a silence holds now (docs/alert-operations.md). */
    static JsonNode alert(TerminalAlert alert, AlertOperations operations, Instant now) {
        ObjectNode node = avro(alert);
        operations.status(alert.getAlertId(), Silences.scopeOf(alert), now).forEach(node::putPOJO);
        return node;
    }

    /** A terminal's state with the same for each of its active alerts. */
    static JsonNode terminal(TerminalState state, AlertOperations operations, Instant now) {
        ObjectNode node = avro(state);
        for (JsonNode alert : node.path("activeAlerts")) {
            AlertScope scope = AlertScope.newBuilder().setPoiid(state.getPoiid()).setMerchantAccount(state.getMerchantAccount())
                    .setStore(state.getStore()).setAlertType(alert.path("type").asText()).build();
            operations.status(alert.path("alertId").asText(), scope, now).forEach(((ObjectNode) alert)::putPOJO);
        }
        return node;
    }

    static ObjectNode avro(SpecificRecord record) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(record.toString());
        } catch (IOException e) {
            throw new IllegalStateException("Avro record is not JSON: " + e.getMessage(), e);
        }
    }
}
