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
 * unknown merchant account has no connected terminals. The lists leave out the terminals the admin API
 * dropped from them ({@link SimulatedCloud#dropFromLists}); the per-terminal calls do not. Faults come in
 * the shape of the call's flavour: the Terminal API's error object, or the device API's RFC 7807 problem.
 */
final class ConnectedEndpoint {

    static final String KIND = "connectedTerminals";
    static final String STATUS_KIND = "deviceStatus";

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
            count(KIND, "badRequest");
            exchange.json(400, Answers.terminalApiError(400, "702", "Required field 'merchantAccount' is missing", "validation"));
            return;
        }
        String uniqueTerminalId = text(request, "uniqueTerminalId");
        List<String> ids = live(merchantAccount, text(request, "store"), uniqueTerminalId);
        answer(exchange, uniqueTerminalId == null ? KIND : STATUS_KIND, false, Answers.connected("uniqueTerminalIds", ids));
    }

    void deviceApiList(Exchange exchange, String merchantAccount) {
        answer(exchange, KIND, true, Answers.connected("uniqueDeviceIds", live(merchantAccount, exchange.query("store"), null)));
    }

    /** DeviceStatusResponse; a device that is not the merchant account's gets Adyen's 403 ("doesn't own requested resource"). */
    void deviceApiStatus(Exchange exchange, String merchantAccount, String deviceId) {
        boolean owned = cloud.fleet().terminal(deviceId).filter(terminal -> terminal.merchantAccount().equals(merchantAccount)).isPresent();
        if (!owned) {
            count(STATUS_KIND, "forbidden");
            exchange.json(403, Answers.deviceApiError(403, "Forbidden", "User doesn't have access to all token policy resources"));
            return;
        }
        boolean online = !live(merchantAccount, null, deviceId).isEmpty();
        answer(exchange, STATUS_KIND, true,
                Answers.JSON.createObjectNode().put("deviceId", deviceId).put("status", online ? "ONLINE" : "OFFLINE").toString());
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
            if (terminal.online(now) && (uniqueTerminalId != null || !cloud.droppedFromLists(terminal.poiid()))) {
                ids.add(terminal.poiid());
            }
        }
        return ids;
    }

    private void answer(Exchange exchange, String kind, boolean deviceApi, String json) {
        Faults faults = cloud.faults();
        switch (faults.draw(kind, ThreadLocalRandom.current())) {
            case TOO_MANY_REQUESTS -> {
                count(kind, "http429");
                exchange.retryAfter(faults.retryAfterSeconds());
                exchange.json(429, deviceApi ? Answers.deviceApiError(429, "Too Many Requests", null)
                        : Answers.terminalApiError(429, "429", "Too Many Requests", "throttling"));
            }
            case SERVER_ERROR, ERROR -> {
                count(kind, "http500");
                exchange.json(500, deviceApi ? Answers.deviceApiError(500, "Internal Server Error", null)
                        : Answers.terminalApiError(500, "905", "Internal Server Error", "internal"));
            }
            case GARBAGE -> {
                count(kind, "garbage");
                exchange.reply(200, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>");
            }
            case TRUNCATED -> {
                count(kind, "truncated");
                exchange.json(200, json.substring(0, json.length() / 2));
            }
            case STALL -> {
                count(kind, "stall");
                cloud.scheduler().schedule(() -> exchange.json(200, json), faults.stallMs(), TimeUnit.MILLISECONDS);
            }
            default -> {
                count(kind, "success");
                exchange.json(200, json);
            }
        }
    }

    private void count(String kind, String outcome) {
        cloud.stats().record(kind, outcome);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
