package io.fleetdiag.benchmarks.soak;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdiag.testsupport.harness.Http;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Terminals the simulator keeps online and healthy for the whole soak: every alert one of them gets is a false alert,
 * fleetdiag's own doing. Spread evenly over the fleet's listing (so over merchants and stores) and pinned through the
 * admin API before any service starts. The poller cannot tell them from the rest, so their last-check ages are a fair
 * sample of every terminal that stays online.
 */
final class ControlGroup {

    /** A fiftieth of the fleet: 2,000 of 100,000 terminals; at least 50 so a small run still has a sample. */
    private static final double SHARE = 0.02;
    private static final int AT_LEAST = 50;
    private static final int AT_MOST = 2_000;

    /** What a healthy countertop terminal reports; {@code evolve: false} keeps it so. */
    private static final Map<String, Object> HEALTHY = healthy();

    private ControlGroup() {
    }

    private static Map<String, Object> healthy() {
        Map<String, Object> healthy = new LinkedHashMap<>();
        healthy.put("online", true);
        healthy.put("responding", true);
        healthy.put("busy", false);
        healthy.put("battery", 90);
        healthy.put("charging", true);
        healthy.put("paper", "OK");
        healthy.put("globalStatus", "OK");
        healthy.put("communicationOk", true);
        healthy.put("tamper", false);
        healthy.put("unconfirmed", 0);
        healthy.put("hostReachable", true);
        healthy.put("evolve", false);
        return healthy;
    }

    /** Picks terminals that are online, healthy and not Mobile SDK installations (whose SDK may be near expiry), and pins them. */
    static List<String> pin(String simulatorUrl, JsonNode terminals) throws Exception {
        List<String> candidates = new ArrayList<>();
        for (JsonNode terminal : terminals) {
            JsonNode condition = terminal.path("condition");
            if (condition.path("online").asBoolean() && condition.path("responding").asBoolean() && !condition.path("busy").asBoolean()
                    && condition.path("sdkExpiry").isNull() && condition.path("unconfirmedBatchCount").asInt() == 0
                    && "OK".equals(condition.path("printerStatus").asText("OK")) && "OK".equals(condition.path("globalStatus").asText("OK"))
                    && condition.path("communicationOk").asBoolean() && !condition.path("tampered").asBoolean(false)) {
                candidates.add(terminal.path("poiid").asText());
            }
        }
        int wanted = Math.min(candidates.size(), Math.min(AT_MOST, Math.max(AT_LEAST, (int) Math.round(terminals.size() * SHARE))));
        List<String> control = new ArrayList<>();
        for (int i = 0; i < wanted; i++) {
            String poiid = candidates.get((int) ((long) i * candidates.size() / wanted));
            Http.postJson(simulatorUrl + "/admin/terminals/" + poiid, HEALTHY);
            control.add(poiid);
        }
        return control;
    }
}
