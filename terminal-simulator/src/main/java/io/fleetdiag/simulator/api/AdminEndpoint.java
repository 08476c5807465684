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
import io.fleetdiag.simulator.fleet.ConditionChange;
import io.fleetdiag.simulator.fleet.Terminal;
import java.time.Duration;
import java.util.Optional;

/**
 * The simulator's own API under {@code /admin}: set any terminal's condition, inject faults, change
 * the latency, and read what happened.
 *
 * <pre>
 * GET    /admin/stats                     requests by kind and outcome, max in-flight per terminal, violations
 * POST   /admin/stats/reset
 * GET    /admin/terminals?limit=N[&amp;merchantAccount=&amp;store=&amp;online=true|false]
 * GET    /admin/terminals/{poiid}
 * POST   /admin/terminals/{poiid}         {"battery":12,"paper":"NoPaper","online":false,"busy":true,"busyCalls":1,...}
 * GET    /admin/faults, POST /admin/faults {"rate429":0.1,...}, DELETE /admin/faults
 * GET    /admin/latency, POST /admin/latency {"medianMs":1000,"sigma":0.3}
 * GET    /admin/mobile, POST /admin/mobile {"iosCaptureWaitMs":180000}
 * </pre>
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

    void handle(Exchange exchange) {
        String path = exchange.path();
        String method = exchange.method();
        if (path.equals("/admin/stats") && method.equals("GET")) {
            exchange.json(200, cloud.stats().toJson().toString());
        } else if (path.equals("/admin/stats/reset") && method.equals("POST")) {
            cloud.stats().reset();
            exchange.json(200, cloud.stats().toJson().toString());
        } else if (path.equals("/admin/terminals") && method.equals("GET")) {
            exchange.json(200, terminals(exchange).toString());
        } else if (path.startsWith("/admin/terminals/")) {
            terminal(exchange, path.substring("/admin/terminals/".length()), method);
        } else if (path.equals("/admin/faults")) {
            faults(exchange, method);
        } else if (path.equals("/admin/websockets")) {
            websockets(exchange, method);
        } else if (path.equals("/admin/latency")) {
            latency(exchange, method);
        } else if (path.equals("/admin/mobile")) {
            mobile(exchange, method);
        } else {
            exchange.json(404, error("No admin resource " + method + " " + path));
        }
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

    private void terminal(Exchange exchange, String poiid, String method) {
        Optional<Terminal> found = cloud.fleet().terminal(poiid);
        if (found.isEmpty()) {
            exchange.json(404, error("No terminal " + poiid));
            return;
        }
        Terminal terminal = found.get();
        if (method.equals("GET")) {
            exchange.json(200, describe(terminal, cloud.clock().millis()).toString());
        } else if (method.equals("POST")) {
            withBody(exchange, body -> {
                terminal.apply(ConditionChange.fromJson(body), cloud.clock().millis());
                return describe(terminal, cloud.clock().millis()).toString();
            });
        } else {
            exchange.json(405, error("Use GET or POST on a terminal"));
        }
    }

    private void faults(Exchange exchange, String method) {
        switch (method) {
            case "GET" -> exchange.json(200, JSON.valueToTree(cloud.faults()).toString());
            case "DELETE" -> {
                cloud.faults(Faults.NONE);
                exchange.json(200, JSON.valueToTree(Faults.NONE).toString());
            }
            case "POST" -> withBody(exchange, body -> {
                cloud.faults(read(body, Faults.class));
                return JSON.valueToTree(cloud.faults()).toString();
            });
            default -> exchange.json(405, error("Use GET, POST or DELETE on /admin/faults"));
        }
    }

    /** {@code {"merchantAccount":"M","enabled":false}}: the empty answer of a merchant account with WebSockets disabled. */
    private void websockets(Exchange exchange, String method) {
        if (method.equals("GET")) {
            exchange.json(200, JSON.createObjectNode().set("disabled", JSON.valueToTree(cloud.websocketsDisabled())).toString());
        } else if (method.equals("POST")) {
            withBody(exchange, body -> {
                JsonNode request = read(body, JsonNode.class);
                String merchant = request.path("merchantAccount").asText(null);
                if (merchant == null || !request.path("enabled").isBoolean()) {
                    throw new IllegalArgumentException("Give merchantAccount and enabled (true or false)");
                }
                cloud.websocketsDisabled(merchant, !request.path("enabled").asBoolean());
                return JSON.createObjectNode().set("disabled", JSON.valueToTree(cloud.websocketsDisabled())).toString();
            });
        } else {
            exchange.json(405, error("Use GET or POST on /admin/websockets"));
        }
    }

    private void latency(Exchange exchange, String method) {
        if (method.equals("GET")) {
            exchange.json(200, JSON.valueToTree(cloud.latency()).toString());
        } else if (method.equals("POST")) {
            withBody(exchange, body -> {
                cloud.latency(read(body, LatencyModel.class));
                return JSON.valueToTree(cloud.latency()).toString();
            });
        } else {
            exchange.json(405, error("Use GET or POST on /admin/latency"));
        }
    }

    /** The Mobile SDK behaviour shared by every installation. */
    record MobileSettings(long iosCaptureWaitMs) {
    }

    private void mobile(Exchange exchange, String method) {
        if (method.equals("GET")) {
            exchange.json(200, JSON.valueToTree(new MobileSettings(cloud.iosCaptureWait().toMillis())).toString());
        } else if (method.equals("POST")) {
            withBody(exchange, body -> {
                MobileSettings settings = read(body, MobileSettings.class);
                if (settings.iosCaptureWaitMs() < 0) {
                    throw new IllegalArgumentException("iosCaptureWaitMs cannot be negative");
                }
                cloud.iosCaptureWait(Duration.ofMillis(settings.iosCaptureWaitMs()));
                return JSON.valueToTree(new MobileSettings(cloud.iosCaptureWait().toMillis())).toString();
            });
        } else {
            exchange.json(405, error("Use GET or POST on /admin/mobile"));
        }
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

    private void withBody(Exchange exchange, BodyAction action) {
        exchange.body().whenComplete((body, error) -> {
            if (error != null) {
                exchange.json(400, error("Unreadable body: " + error.getMessage()));
                return;
            }
            try {
                exchange.json(200, action.apply(body));
            } catch (IllegalArgumentException e) {
                exchange.json(400, error(e.getMessage()));
            }
        });
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
