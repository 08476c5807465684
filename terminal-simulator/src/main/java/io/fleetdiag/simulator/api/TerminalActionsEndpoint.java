package io.fleetdiag.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdiag.simulator.fleet.Terminal;
import io.fleetdiag.simulator.inventory.InventoryEntry;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adyen's terminal actions (Management API v3), for ForceReboot: {@code POST /v3/terminals/scheduleActions} schedules it for at
 * most 100 terminals a call (more: 422), an unknown terminal listed under {@code terminalsWithErrors}; {@code GET
 * /v3/companies/{companyId}/terminalActions/{actionId}} follows it. The terminal takes the action at its next maintenance call
 * ({@link #PICKED_UP_MS} later), drops off the cloud for {@link #DOWN_MS} and comes back; the action is {@code pending} until then,
 * {@code successful} after; one that never connects stays {@code pending}. Same key rules as {@code GET /v3/terminals}.
 */
final class TerminalActionsEndpoint {

    static final int MAX_TERMINALS = 100;
    static final long PICKED_UP_MS = 1_000;
    static final long DOWN_MS = 4_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One scheduled action on one terminal. */
    private record Action(String id, String terminalId, Instant scheduledAt, Instant executedAt, Instant backAt) {
    }

    private final SimulatedCloud cloud;
    private final Map<String, Action> actions = new ConcurrentHashMap<>();

    TerminalActionsEndpoint(SimulatedCloud cloud) {
        this.cloud = cloud;
    }

    void schedule(Exchange exchange) {
        JsonNode request;
        try {
            request = JSON.readTree(exchange.body());
        } catch (IOException e) {
            exchange.json(400, ManagementEndpoint.error(400, "702", "Malformed request", "The body is not JSON", "validation"));
            return;
        }
        String type = request == null ? null : request.path("actionDetails").path("type").asText(null);
        JsonNode ids = request == null ? null : request.get("terminalIds");
        if (!"ForceReboot".equals(type) || ids == null || !ids.isArray() || ids.isEmpty()) {
            exchange.json(422, ManagementEndpoint.error(422, "702", "Invalid parameters",
                    "actionDetails.type must be ForceReboot (the simulator's only action) and terminalIds a non-empty list", "validation"));
            return;
        }
        if (ids.size() > MAX_TERMINALS) {
            exchange.json(422, ManagementEndpoint.error(422, "702", "Invalid parameters",
                    "terminalIds holds " + ids.size() + " terminals; at most " + MAX_TERMINALS + " per request", "validation"));
            return;
        }
        String storeId = request.path("storeId").asText(null);
        long now = cloud.clock().millis();
        ObjectNode answer = JSON.createObjectNode();
        answer.putObject("actionDetails").put("type", "ForceReboot");
        ArrayNode items = answer.putArray("items");
        answer.put("scheduledAt", request.path("scheduledAt").asText(""));
        if (storeId != null) {
            answer.put("storeId", storeId);
        }
        ObjectNode errors = answer.putObject("terminalsWithErrors");
        int scheduled = 0;
        for (JsonNode id : ids) {
            Optional<InventoryEntry> entry = cloud.inventory().matching(listed -> listed.id().equals(id.asText())).stream().findFirst();
            if (entry.isEmpty() || storeId != null && !storeId.equals(entry.get().storeId())) {
                errors.putArray(id.asText()).add(entry.isEmpty() ? "Terminal not found" : "Terminal is not assigned to store " + storeId);
                continue;
            }
            // a terminal that never connects never makes the maintenance call that carries the action: it stays pending
            Terminal terminal = entry.get().terminal();
            long back = now + PICKED_UP_MS + DOWN_MS;
            Action action = new Action("TRAC" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(),
                    id.asText(), Instant.ofEpochMilli(now), Instant.ofEpochMilli(now + PICKED_UP_MS),
                    terminal == null ? Instant.MAX : Instant.ofEpochMilli(back));
            actions.put(action.id(), action);
            if (terminal != null) {
                // back at the action's planned time even when the scheduler runs the reboot late (a loaded machine, 200
                // reboots at once), so the action is never successful while its terminal is still down
                cloud.schedule(() -> {
                    long at = cloud.clock().millis();
                    terminal.reboot(at, Math.max(0, back - at));
                }, PICKED_UP_MS);
            }
            items.addObject().put("id", action.id()).put("terminalId", action.terminalId());
            scheduled++;
        }
        answer.put("terminalIds", ids);
        answer.put("totalErrors", errors.size());
        answer.put("totalScheduled", scheduled);
        exchange.json(200, answer.toString());
    }

    void follow(Exchange exchange) {
        String companyId = exchange.call().param("companyId");
        Action action = actions.get(exchange.call().param("actionId"));
        if (action == null || !InventoryEntry.COMPANY_ID.equals(companyId)) {
            exchange.json(404, ManagementEndpoint.error(404, "00_404", "Not found", "No terminal action "
                    + exchange.call().param("actionId") + " for company " + companyId, "not-found"));
            return;
        }
        Instant now = cloud.clock().instant();
        boolean done = !now.isBefore(action.backAt());
        ObjectNode answer = JSON.createObjectNode().put("actionType", "ForceReboot").put("id", action.id())
                .put("scheduledAt", action.scheduledAt().toString()).put("status", done ? "successful" : "pending")
                .put("terminalId", action.terminalId());
        if (done) {
            answer.put("confirmedAt", action.backAt().toString()).put("result", "Terminal rebooted");
        }
        exchange.json(200, answer.toString());
    }
}
