package io.fleetdiag.processor.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdiag.processor.history.AlertEpisode;
import io.fleetdiag.processor.operations.AlertOperations;
import io.fleetdiag.schemas.ActiveAlert;
import io.fleetdiag.schemas.AlertScope;
import io.fleetdiag.schemas.Presence;
import io.fleetdiag.schemas.StoreHealth;
import io.fleetdiag.schemas.TerminalState;
import io.fleetdiag.service.Json;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;

/** The items of the paged lists (flat JSON, ISO-8601 times, null when unknown) and their orders. */
public final class ListItems {

    static final Comparator<JsonNode> BY_ALERT_ID = Comparator.comparing(item -> item.path("alertId").asText());
    static final Comparator<JsonNode> BY_POIID = Comparator.comparing(item -> item.path("poiid").asText());
    static final Comparator<JsonNode> BY_STORE = Comparator.<JsonNode, String>comparing(item -> item.path("merchantAccount").asText())
            .thenComparing(item -> item.path("store").asText());
    static final Comparator<JsonNode> LEAST_HEALTHY_FIRST = Comparator.<JsonNode>comparingDouble(item -> item.path("health").asDouble())
            .thenComparing(BY_STORE);
    /** Newest episode first (by raisedAt), the alertId breaking ties. */
    static final Comparator<JsonNode> NEWEST_FIRST = Comparator.<JsonNode, Instant>comparing(item -> Instant.parse(item.path("raisedAt").asText()))
            .reversed().thenComparing(item -> item.path("alertId").asText());

    private ListItems() {
    }

    /** A terminal as the terminal list shows it. */
    static ObjectNode terminal(TerminalState state) {
        ObjectNode item = Json.MAPPER.createObjectNode();
        item.put("poiid", state.getPoiid());
        item.put("merchantAccount", state.getMerchantAccount());
        item.put("store", state.getStore());
        item.put("model", state.getInventory() == null ? null : state.getInventory().getModel());
        item.put("presence", state.getPresence().name());
        item.put("offlineSince", state.getPresence() == Presence.OFFLINE ? time(state.getPresenceChangedAt()) : null);
        var success = state.getLastSuccess();
        item.put("battery", success == null || success.getAdditionalResponse() == null ? null : success.getAdditionalResponse().getBatteryLevel());
        item.put("printer", success == null || success.getPoiStatus() == null || success.getPoiStatus().getPrinterStatus() == null
                ? null : success.getPoiStatus().getPrinterStatus().name());
        item.put("lastDiagnosisAt", state.getLastCheck() == null ? null : time(state.getLastCheck().getCompletedAt()));
        item.put("lastOutcome", state.getLastCheck() == null ? null : state.getLastCheck().getOutcome().name());
        ArrayNode alerts = item.putArray("activeAlerts");
        for (ActiveAlert alert : state.getActiveAlerts()) {
            alerts.addObject().put("alertId", alert.getAlertId()).put("type", alert.getType().name()).put("severity", alert.getSeverity().name());
        }
        return item;
    }

    /** Whether a terminal passes the list's filters (each one unset, or equal; alertType: one of its active alerts). */
    static boolean matches(TerminalState state, Map<String, String> query) {
        return equal(query.get("merchantAccount"), state.getMerchantAccount()) && equal(query.get("store"), state.getStore())
                && (query.get("presence") == null || state.getPresence().name().equalsIgnoreCase(query.get("presence")))
                && (query.get("alertType") == null || state.getActiveAlerts().stream().anyMatch(alert -> alert.getType().name().equalsIgnoreCase(query.get("alertType"))));
    }

    /** A store as the store list shows it; health is its share of healthy terminals, as STORE_DEGRADED judges it. */
    public static ObjectNode store(StoreHealth health) {
        ObjectNode item = Json.MAPPER.createObjectNode();
        item.put("merchantAccount", health.getMerchantAccount());
        item.put("store", health.getStore());
        item.put("terminals", health.getTerminalsKnown());
        item.put("online", health.getTerminalsOnline());
        item.put("offline", health.getTerminalsKnown() - health.getTerminalsOnline());
        item.put("healthy", health.getTerminalsHealthy());
        item.put("activeAlerts", health.getActiveAlertsByType().values().stream().mapToInt(Integer::intValue).sum());
        item.put("degraded", health.getDegraded());
        item.put("health", health.getTerminalsKnown() == 0 ? 1.0 : health.getTerminalsHealthy() / (double) health.getTerminalsKnown());
        item.put("updatedAt", time(health.getUpdatedAt()));
        return item;
    }

    /**
     * An episode of the alert history. An open episode shows its acknowledgement and silence as of now,
     * from the alert-operations table; a resolved one also its acknowledgement, and whether it was
     * silenced when it ended.
     */
    static ObjectNode episode(AlertEpisode episode, AlertOperations operations, Instant now) {
        ObjectNode item = Json.MAPPER.createObjectNode();
        item.put("alertId", episode.alertId());
        item.put("poiid", episode.poiid());
        item.put("merchantAccount", episode.merchantAccount());
        item.put("store", episode.store());
        item.put("type", episode.type());
        item.put("severity", episode.severity());
        item.put("summary", episode.summary());
        item.put("status", episode.active() ? "ACTIVE" : "RESOLVED");
        item.put("raisedAt", time(episode.raisedAt()));
        item.put("updatedAt", time(episode.updatedAt()));
        item.put("resolvedAt", time(episode.resolvedAt()));
        Map<String, Object> status = operations.status(episode.alertId(), AlertScope.newBuilder().setPoiid(episode.poiid())
                .setMerchantAccount(episode.merchantAccount()).setStore(episode.store()).setAlertType(episode.type()).build(), now);
        item.put("acknowledgedBy", status.get("acknowledgedBy") != null ? (String) status.get("acknowledgedBy") : episode.acknowledgedBy());
        item.put("silenced", episode.active() ? (Boolean) status.get("silenced") : episode.silenced());
        return item;
    }

    private static boolean equal(String wanted, String actual) {
        return wanted == null || wanted.equals(actual);
    }

    private static String time(Instant at) {
        return at == null ? null : at.toString();
    }
}
