package io.fleetdiag.processor.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdiag.processor.terminal.FleetCounts;
import io.fleetdiag.service.Json;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /api/fleet}: the fleet's counts and its stores, one instance's part or the sum of all.
 * For a caller restricted to some merchant accounts or stores they are counted from those stores' health
 * ({@code perStore}): terminals, online, offline and alerts by type of the terminals seen in a store
 * in scope. What is counted fleet-wide only (never-seen terminals, terminals with alerts, results by
 * outcome) is null or empty then, never the whole fleet's.
 */
public record FleetTotals(FleetCounts counts, long stores, long degradedStores, boolean perStore) {

    public static FleetTotals ofStores(long terminals, long online, Map<String, Long> activeAlertsByType, long stores, long degradedStores) {
        return new FleetTotals(new FleetCounts(terminals, online, terminals - online, 0, 0, activeAlertsByType, Map.of()), stores, degradedStores, true);
    }

    public FleetTotals sum(FleetTotals other) {
        if (perStore != other.perStore) {
            throw new IllegalArgumentException("Whole-fleet and per-store counts do not add up");
        }
        return new FleetTotals(counts.sum(other.counts), stores + other.stores, degradedStores + other.degradedStores, perStore);
    }

    public JsonNode json() {
        ObjectNode fleet = Json.MAPPER.createObjectNode();
        fleet.put("terminals", counts.terminals());
        fleet.put("online", counts.online());
        fleet.put("offline", counts.offline());
        fleet.put("neverSeen", perStore ? null : counts.neverSeen());
        fleet.put("terminalsWithActiveAlerts", perStore ? null : counts.withActiveAlerts());
        fleet.set("activeAlertsByType", Json.MAPPER.valueToTree(counts.activeAlertsByType()));
        fleet.set("resultsByOutcome", Json.MAPPER.valueToTree(counts.resultsByOutcome()));
        fleet.put("stores", stores);
        fleet.put("degradedStores", degradedStores);
        fleet.put("counted", perStore ? "stores in scope" : "fleet");
        return fleet;
    }

    /** Another instance's part, as {@link #json()} wrote it. */
    static FleetTotals parse(JsonNode json) {
        FleetCounts counts = new FleetCounts(json.path("terminals").asLong(), json.path("online").asLong(), json.path("offline").asLong(),
                json.path("neverSeen").asLong(), json.path("terminalsWithActiveAlerts").asLong(),
                longs(json.path("activeAlertsByType")), longs(json.path("resultsByOutcome")));
        return new FleetTotals(counts, json.path("stores").asLong(), json.path("degradedStores").asLong(),
                "stores in scope".equals(json.path("counted").asText()));
    }

    private static Map<String, Long> longs(JsonNode object) {
        Map<String, Long> map = new TreeMap<>();
        object.fields().forEachRemaining(entry -> map.put(entry.getKey(), entry.getValue().asLong()));
        return map;
    }
}
