package io.fleetdiag.processor.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdiag.processor.terminal.FleetCounts;
import io.fleetdiag.service.Json;
import java.util.Map;
import java.util.TreeMap;

/** {@code GET /api/fleet}: the fleet's counts and its stores, one instance's part or the sum of all. */
public record FleetTotals(FleetCounts counts, long stores, long degradedStores) {

    public FleetTotals sum(FleetTotals other) {
        return new FleetTotals(counts.sum(other.counts), stores + other.stores, degradedStores + other.degradedStores);
    }

    public JsonNode json() {
        ObjectNode fleet = Json.MAPPER.createObjectNode();
        fleet.put("terminals", counts.terminals());
        fleet.put("online", counts.online());
        fleet.put("offline", counts.offline());
        fleet.put("neverSeen", counts.neverSeen());
        fleet.put("terminalsWithActiveAlerts", counts.withActiveAlerts());
        fleet.set("activeAlertsByType", Json.MAPPER.valueToTree(counts.activeAlertsByType()));
        fleet.set("resultsByOutcome", Json.MAPPER.valueToTree(counts.resultsByOutcome()));
        fleet.put("stores", stores);
        fleet.put("degradedStores", degradedStores);
        return fleet;
    }

    /** Another instance's part, as {@link #json()} wrote it. */
    static FleetTotals parse(JsonNode json) {
        FleetCounts counts = new FleetCounts(json.path("terminals").asLong(), json.path("online").asLong(), json.path("offline").asLong(),
                json.path("neverSeen").asLong(), json.path("terminalsWithActiveAlerts").asLong(),
                longs(json.path("activeAlertsByType")), longs(json.path("resultsByOutcome")));
        return new FleetTotals(counts, json.path("stores").asLong(), json.path("degradedStores").asLong());
    }

    private static Map<String, Long> longs(JsonNode object) {
        Map<String, Long> map = new TreeMap<>();
        object.fields().forEachRemaining(entry -> map.put(entry.getKey(), entry.getValue().asLong()));
        return map;
    }
}
