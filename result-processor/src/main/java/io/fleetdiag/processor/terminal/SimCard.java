package io.fleetdiag.processor.terminal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * The primary SIM card of the inventory's {@code connectivity.cellular} (Management API TerminalConnectivityCellular): its
 * ICCID and status, both null when the terminal has no SIM or the connectivity is not JSON (evidence, never a failure).
 */
record SimCard(String iccid, String status) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SimCard NONE = new SimCard(null, null);

    static SimCard of(String connectivity) {
        if (connectivity == null) {
            return NONE;
        }
        try {
            JsonNode cellular = JSON.readTree(connectivity).path("cellular");
            return new SimCard(text(cellular, "iccid"), text(cellular, "status"));
        } catch (IOException e) {
            return NONE;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
