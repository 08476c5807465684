package io.fleetdiag.simulator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.fleetdiag.service.http.Permission;
import io.fleetdiag.service.http.Route;
import io.fleetdiag.simulator.fleet.ConditionChange;
import io.fleetdiag.simulator.fleet.Terminal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The simulator's own API under {@code /admin}: set any terminal's condition, inject faults, change
 * the latency, and read what happened. The routes are in {@link #routes()} and, generated from them, in
 * terminal-simulator/README.md.
 */
final class AdminEndpoint {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final SimulatedCloud cloud;

    AdminEndpoint(SimulatedCloud cloud) {
        this.cloud = cloud;
    }

    List<Route> routes() {
        return List.of(
                admin("GET", "/admin/stats", "requests by kind and outcome, max in-flight per terminal, violations",
                        exchange -> exchange.json(200, cloud.stats().toJson().toString())),
                admin("POST", "/admin/stats/reset", "clears the stats", exchange -> {
                    cloud.stats().reset();
                    exchange.json(200, cloud.stats().toJson().toString());
                }),
                admin("GET", "/admin/terminals", "terminals: limit=N (100), merchantAccount, store, online=true|false",
                        exchange -> exchange.json(200, terminals(exchange).toString())),
                admin("GET", "/admin/terminals/{poiid}", "one terminal and its condition",
                        exchange -> terminal(exchange, terminal -> describe(terminal, cloud.clock().millis()).toString())),
                admin("POST", "/admin/terminals/{poiid}", "changes a terminal's condition: {\"battery\":12,\"paper\":\"NoPaper\",\"online\":false,...}",
                        exchange -> terminal(exchange, terminal -> {
                            terminal.apply(ConditionChange.fromJson(exchange.body()), cloud.clock().millis());
                            return describe(terminal, cloud.clock().millis()).toString();
                        })),
                admin("POST", "/admin/terminals/{poiid}/events", "the terminal sends an event notification now:"
                                + " {\"EventToNotify\":\"OutOfOrder\",\"EventDetails\":\"...\",\"MaintenanceRequiredFlag\":true}",
                        exchange -> terminal(exchange, terminal -> {
                            JsonNode request = read(exchange.body(), JsonNode.class);
                            String event = request.path("EventToNotify").asText("");
                            if (event.isBlank()) {
                                throw new IllegalArgumentException("Give EventToNotify");
                            }
                            try {
                                terminal.notice(event, request.path("EventDetails").asText(null),
                                        request.path("MaintenanceRequiredFlag").asBoolean(false), cloud.clock().millis());
                            } catch (IllegalStateException e) {
                                throw new IllegalArgumentException(e.getMessage(), e);
                            }
                            return JSON.createObjectNode().put("poiid", terminal.poiid()).put("EventToNotify", event).toString();
                        })),
                admin("GET", "/admin/events", "where the terminals send event notifications, how many were delivered and failed",
                        exchange -> exchange.json(200, events())),
                admin("POST", "/admin/events", "{\"url\":\"https://...\",\"username\":\"u\",\"password\":\"p\",\"resendShare\":0.2,\"resends\":1}:"
                        + " the terminals' event URL (nexo.eventUrls); that share of notifications is sent that many times more", exchange -> withBody(exchange, body -> {
                            JsonNode request = read(body, JsonNode.class);
                            String url = request.path("url").asText("");
                            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                                throw new IllegalArgumentException("Give url (http or https), username and password");
                            }
                            cloud.sendEventsTo(new EventNotifier.Target(URI.create(url), request.path("username").asText(""),
                                    request.path("password").asText("")), request.path("resendShare").asDouble(0.2),
                                    request.path("resends").asInt(1));
                            return events();
                        })),
                admin("GET", "/admin/faults", "the faults injected", exchange -> exchange.json(200, JSON.valueToTree(cloud.faults()).toString())),
                admin("POST", "/admin/faults", "injects faults: {\"rate429\":0.1,...}", exchange -> withBody(exchange, body -> {
                    cloud.faults(read(body, Faults.class));
                    return JSON.valueToTree(cloud.faults()).toString();
                })),
                admin("DELETE", "/admin/faults", "ends every fault", exchange -> {
                    cloud.faults(Faults.NONE);
                    exchange.json(200, JSON.valueToTree(Faults.NONE).toString());
                }),
                admin("GET", "/admin/websockets", "the merchant accounts with WebSockets disabled", exchange -> exchange.json(200, websockets())),
                admin("POST", "/admin/websockets", "{\"merchantAccount\":\"M\",\"enabled\":false}: its connected lists come back empty",
                        exchange -> withBody(exchange, body -> {
                            JsonNode request = read(body, JsonNode.class);
                            String merchant = request.path("merchantAccount").asText(null);
                            if (merchant == null || !request.path("enabled").isBoolean()) {
                                throw new IllegalArgumentException("Give merchantAccount and enabled (true or false)");
                            }
                            cloud.websocketsDisabled(merchant, !request.path("enabled").asBoolean());
                            return websockets();
                        })),
                admin("GET", "/admin/list-drops", "the online terminals the connected lists leave out", exchange -> exchange.json(200, listDrops())),
                admin("POST", "/admin/list-drops", "{\"poiid\":\"P\",\"dropped\":true}: the connected lists leave the terminal out,"
                        + " its status still says ONLINE while it is", exchange -> withBody(exchange, body -> {
                            JsonNode request = read(body, JsonNode.class);
                            String poiid = request.path("poiid").asText(null);
                            if (poiid == null || !request.path("dropped").isBoolean()) {
                                throw new IllegalArgumentException("Give poiid and dropped (true or false)");
                            }
                            cloud.dropFromLists(poiid, request.path("dropped").asBoolean());
                            return listDrops();
                        })),
                admin("GET", "/admin/latency", "the latency model", exchange -> exchange.json(200, JSON.valueToTree(cloud.latency()).toString())),
                admin("POST", "/admin/latency", "sets the latency: {\"medianMs\":1000,\"sigma\":0.3}", exchange -> withBody(exchange, body -> {
                    cloud.latency(read(body, LatencyModel.class));
                    return JSON.valueToTree(cloud.latency()).toString();
                })),
                admin("GET", "/admin/mobile", "the Mobile SDK behaviour shared by every installation",
                        exchange -> exchange.json(200, JSON.valueToTree(new MobileSettings(cloud.iosCaptureWait().toMillis())).toString())),
                admin("POST", "/admin/mobile", "sets it: {\"iosCaptureWaitMs\":180000}", exchange -> withBody(exchange, body -> {
                    MobileSettings settings = read(body, MobileSettings.class);
                    if (settings.iosCaptureWaitMs() < 0) {
                        throw new IllegalArgumentException("iosCaptureWaitMs cannot be negative");
                    }
                    cloud.iosCaptureWait(Duration.ofMillis(settings.iosCaptureWaitMs()));
                    return JSON.valueToTree(new MobileSettings(cloud.iosCaptureWait().toMillis())).toString();
                })));
    }

    private static Route admin(String method, String path, String doc, Consumer<Exchange> action) {
        return Exchange.route(method, path, Permission.ADMIN, doc, action);
    }

    private ArrayNode terminals(Exchange exchange) {
        int limit = exchange.query("limit") == null ? 100 : Integer.parseInt(exchange.query("limit"));
        String merchant = exchange.query("merchantAccount");
        String store = exchange.query("store");
        String online = exchange.query("online");
        long now = cloud.clock().millis();
        ArrayNode list = JSON.createArrayNode();
        for (Terminal terminal : cloud.fleet().terminals()) {
            if (list.size() >= limit) {
                break;
            }
            if ((merchant == null || merchant.equals(terminal.merchantAccount()))
                    && (store == null || store.equals(terminal.store()))
                    && (online == null || Boolean.parseBoolean(online) == terminal.online(now))) {
                list.add(describe(terminal, now));
            }
        }
        return list;
    }

    private void terminal(Exchange exchange, TerminalAction action) {
        String poiid = exchange.call().param("poiid");
        Optional<Terminal> found = cloud.fleet().terminal(poiid);
        if (found.isEmpty()) {
            exchange.json(404, error("No terminal " + poiid));
            return;
        }
        withBody(exchange, body -> action.apply(found.get()));
    }

    private String events() {
        ObjectNode node = JSON.createObjectNode();
        cloud.events().ifPresent(notifier -> node.put("url", notifier.target().url().toString())
                .put("username", notifier.target().username()).put("delivered", notifier.delivered()).put("failed", notifier.failed())
                .put("lastRefusal", notifier.lastRefusal()));
        return node.toString();
    }

    private String listDrops() {
        return JSON.createObjectNode().set("dropped", JSON.valueToTree(cloud.listDrops())).toString();
    }

    private String websockets() {
        return JSON.createObjectNode().set("disabled", JSON.valueToTree(cloud.websocketsDisabled())).toString();
    }

    /** The Mobile SDK behaviour shared by every installation. */
    record MobileSettings(long iosCaptureWaitMs) {
    }

    private ObjectNode describe(Terminal terminal, long now) {
        ObjectNode node = JSON.createObjectNode()
                .put("poiid", terminal.poiid())
                .put("merchantAccount", terminal.merchantAccount())
                .put("store", terminal.store())
                .put("model", terminal.model().label());
        node.set("condition", JSON.valueToTree(terminal.condition(now)));
        return node;
    }

    private interface BodyAction {
        String apply(String body);
    }

    private interface TerminalAction {
        String apply(Terminal terminal);
    }

    private void withBody(Exchange exchange, BodyAction action) {
        try {
            exchange.json(200, action.apply(exchange.body()));
        } catch (IllegalArgumentException e) {
            exchange.json(400, error(e.getMessage()));
        }
    }

    private static <T> T read(String body, Class<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    private static String error(String message) {
        return JSON.createObjectNode().put("error", message).toString();
    }
}
