package io.fleetdiag.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdiag.simulator.fleet.Terminal;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Which terminals have a live cloud connection (docs/design.md#the-terminal-api): {@code POST
 * /connectedTerminals} with a merchant account and optionally a store or one terminal, and the Cloud
 * device API's {@code GET .../connectedDevices?store=} and {@code GET .../devices/{id}/status}. An
 * unknown merchant account has no connected terminals.
 */
final class ConnectedEndpoint {

    static final String KIND = "connectedTerminals";

    private final SimulatedCloud cloud;

    ConnectedEndpoint(SimulatedCloud cloud) {
        this.cloud = cloud;
    }

    void terminalApi(Exchange exchange) {
        JsonNode request;
        try {
            request = Answers.JSON.readTree(exchange.body());
        } catch (IOException e) {
            request = null;
        }
        String merchantAccount = request == null ? null : text(request, "merchantAccount");
        if (merchantAccount == null || merchantAccount.isBlank()) {
            count("badRequest");
            exchange.json(400, Answers.terminalApiError(400, "702", "Required field 'merchantAccount' is missing", "validation"));
            return;
        }
        List<String> ids = live(merchantAccount, text(request, "store"), text(request, "uniqueTerminalId"));
        answer(exchange, Answers.connected("uniqueTerminalIds", ids));
    }

    void deviceApiList(Exchange exchange, String merchantAccount) {
        answer(exchange, Answers.connected("uniqueDeviceIds", live(merchantAccount, exchange.query("store"), null)));
    }

    void deviceApiStatus(Exchange exchange, String merchantAccount, String deviceId) {
        boolean online = !live(merchantAccount, null, deviceId).isEmpty();
        answer(exchange, Answers.JSON.createObjectNode().put("deviceId", deviceId).put("status", online ? "ONLINE" : "OFFLINE").toString());
    }

    private List<String> live(String merchantAccount, String store, String uniqueTerminalId) {
        if (cloud.websocketsDisabled(merchantAccount)) {
            return List.of();
        }
        long now = cloud.clock().millis();
        List<Terminal> scope;
        if (uniqueTerminalId != null) {
            scope = cloud.fleet().terminal(uniqueTerminalId)
                    .filter(terminal -> terminal.merchantAccount().equals(merchantAccount))
                    .map(List::of).orElse(List.of());
        } else if (store != null) {
            scope = cloud.fleet().ofStore(merchantAccount, store);
        } else {
            scope = cloud.fleet().ofMerchant(merchantAccount);
        }
        List<String> ids = new ArrayList<>(scope.size());
        for (Terminal terminal : scope) {
            if (terminal.online(now)) {
                ids.add(terminal.poiid());
            }
        }
        return ids;
    }

    private void answer(Exchange exchange, String json) {
        Faults faults = cloud.faults();
        switch (faults.draw(KIND, ThreadLocalRandom.current())) {
            case TOO_MANY_REQUESTS -> {
                count("http429");
                exchange.retryAfter(faults.retryAfterSeconds());
                exchange.json(429, Answers.terminalApiError(429, "429", "Too Many Requests", "throttling"));
            }
            case SERVER_ERROR, ERROR -> {
                count("http500");
                exchange.json(500, Answers.terminalApiError(500, "905", "Internal Server Error", "internal"));
            }
            case GARBAGE -> {
                count("garbage");
                exchange.reply(200, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>");
            }
            case TRUNCATED -> {
                count("truncated");
                exchange.json(200, json.substring(0, json.length() / 2));
            }
            case STALL -> {
                count("stall");
                cloud.scheduler().schedule(() -> exchange.json(200, json), faults.stallMs(), TimeUnit.MILLISECONDS);
            }
            default -> {
                count("success");
                exchange.json(200, json);
            }
        }
    }

    private void count(String outcome) {
        cloud.stats().record(KIND, outcome);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
