package io.fleetdiag.simulator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdiag.service.http.Permission;
import io.fleetdiag.service.http.Route;
import io.fleetdiag.simulator.inventory.InventoryEntry;
import java.net.URI;
import java.util.List;
import java.util.function.Function;

/**
 * The admin routes that change the Management API's view of the fleet, each told to the webhook URL as Adyen's signed
 * Management webhook: reassign or board a terminal, change its restart hour, and where the webhooks go.
 */
final class InventoryAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SimulatedCloud cloud;

    InventoryAdmin(SimulatedCloud cloud) {
        this.cloud = cloud;
    }

    List<Route> routes() {
        return List.of(
                admin("GET", "/admin/webhooks", "where Management webhooks go, how many were delivered and failed", request -> webhooks()),
                admin("POST", "/admin/webhooks", "{\"url\":\"https://...\",\"hmacKey\":\"hex\"}: the Management webhook's URL and HMAC key",
                        request -> {
                            String url = request.path("url").asText("");
                            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                                throw new IllegalArgumentException("Give url (http or https) and hmacKey (hex)");
                            }
                            cloud.sendWebhooksTo(new ManagementWebhooks.Target(URI.create(url), request.path("hmacKey").asText("")));
                            return webhooks();
                        }),
                admin("POST", "/admin/terminals/{poiid}/assignment", "{\"merchantAccount\":\"M\",\"store\":\"S\",\"boarding\":false}:"
                                + " reassigns it in the inventory and sends terminalAssignment.completed (terminalBoarding.triggered when boarding)",
                        request -> {
                            String merchant = request.path("merchantAccount").asText("");
                            if (merchant.isBlank()) {
                                throw new IllegalArgumentException("Give merchantAccount (and store)");
                            }
                            String store = request.path("store").asText(null);
                            String poiid = request.path("poiid").asText();
                            return describe(request.path("boarding").asBoolean(false) ? cloud.board(poiid, merchant, store)
                                    : cloud.reassign(poiid, merchant, store));
                        }),
                admin("POST", "/admin/terminals/{poiid}/settings", "{\"restartHour\":3}: its hardware.restartHour; sends terminalSettings.modified",
                        request -> {
                            if (!request.path("restartHour").isInt()) {
                                throw new IllegalArgumentException("Give restartHour (0 to 23)");
                            }
                            return describe(cloud.restartAt(request.path("poiid").asText(), request.path("restartHour").asInt()));
                        }));
    }

    /** A route answering its JSON body (with the path's poiid added) through {@code action}; a bad request is a 400. */
    private static Route admin(String method, String path, String doc, Function<ObjectNode, String> action) {
        return Exchange.route(method, path, Permission.ADMIN, doc, exchange -> {
            try {
                ObjectNode request = read(exchange.body());
                String poiid = exchange.call().param("poiid");
                if (poiid != null) {
                    request.put("poiid", poiid);
                }
                exchange.json(200, action.apply(request));
            } catch (IllegalArgumentException e) {
                exchange.json(e.getMessage() != null && e.getMessage().startsWith("No terminal") ? 404 : 400,
                        JSON.createObjectNode().put("error", e.getMessage()).toString());
            }
        });
    }

    private static ObjectNode read(String body) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node instanceof ObjectNode object) {
                return object;
            }
            throw new IllegalArgumentException("The body is not a JSON object");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The body is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private String webhooks() {
        ObjectNode node = JSON.createObjectNode();
        cloud.webhooks().ifPresent(sender -> node.put("url", sender.target().url().toString()).put("delivered", sender.delivered())
                .put("failed", sender.failed()).put("lastRefusal", sender.lastRefusal()));
        return node.toString();
    }

    private static String describe(InventoryEntry entry) {
        return JSON.createObjectNode().put("poiid", entry.id()).put("merchantAccount", entry.merchantId()).put("store", entry.storeId())
                .put("status", entry.status()).put("restartLocalTime", entry.restartLocalTime()).toString();
    }
}
