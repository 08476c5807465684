package io.fleetdiag.simulator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdiag.simulator.inventory.InventoryEntry;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.UrlEncoded;

/**
 * Adyen's Management API {@code GET /v3/terminals}: the inventory, paged ({@code pageNumber} from 1,
 * {@code pageSize} up to 100, default 20) and filtered by {@code merchantIds} and {@code storeIds}
 * (comma-separated or repeated). It has its own key: a missing or unknown key gets 401, the Terminal API
 * key without the Management API role 403, as from Adyen.
 */
final class ManagementEndpoint {

    static final String KIND = "managementTerminals";
    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").withZone(ZoneOffset.UTC);

    private final SimulatedCloud cloud;

    ManagementEndpoint(SimulatedCloud cloud) {
        this.cloud = cloud;
    }

    void handle(Exchange exchange) {
        if (refused(exchange)) {
            return;
        }
        Fields query = new Fields();
        String rawQuery = exchange.call().uri().getRawQuery();
        if (rawQuery != null) {
            UrlEncoded.decodeUtf8To(rawQuery, query);
        }
        int pageNumber;
        int pageSize;
        try {
            pageNumber = number(query, "pageNumber", 1);
            pageSize = number(query, "pageSize", DEFAULT_PAGE_SIZE);
        } catch (NumberFormatException e) {
            count("http422");
            exchange.json(422, error(422, "702", "Invalid parameters", "pageNumber and pageSize must be numbers", "validation"));
            return;
        }
        if (pageNumber < 1 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            count("http422");
            exchange.json(422, error(422, "702", "Invalid parameters",
                    "pageNumber must be at least 1 and pageSize between 1 and " + MAX_PAGE_SIZE, "validation"));
            return;
        }
        Set<String> merchantIds = list(query, "merchantIds");
        Set<String> storeIds = list(query, "storeIds");
        List<InventoryEntry> matching = cloud.inventory().matching(entry ->
                (merchantIds.isEmpty() || merchantIds.contains(entry.merchantId()))
                        && (storeIds.isEmpty() || storeIds.contains(entry.storeId())));
        count("success");
        exchange.json(200, page(exchange, matching, pageNumber, pageSize, merchantIds, storeIds));
    }

    /**
     * {@code GET /v3/terminals/{terminalId}/terminalSettings}, the part the simulator keeps: {@code hardware.restartHour} (its
     * restartLocalTime's hour) and Adyen's default resetTotalsHour.
     */
    void settings(Exchange exchange) {
        if (refused(exchange)) {
            return;
        }
        String terminalId = exchange.call().param("terminalId");
        Optional<InventoryEntry> entry = cloud.inventory().entry(terminalId);
        if (entry.isEmpty()) {
            count("http404");
            exchange.json(404, error(404, "00_404", "Not found", "Terminal " + terminalId + " not found", "general/not-found"));
            return;
        }
        count("settings");
        ObjectNode settings = Answers.JSON.createObjectNode();
        settings.putObject("hardware").put("restartHour", Integer.parseInt(entry.get().restartLocalTime().substring(0, 2)))
                .put("resetTotalsHour", 6);
        exchange.json(200, settings.toString());
    }

    private String page(Exchange exchange, List<InventoryEntry> matching, int pageNumber, int pageSize,
                        Set<String> merchantIds, Set<String> storeIds) {
        Instant now = cloud.clock().instant();
        int pagesTotal = Math.max(1, (matching.size() + pageSize - 1) / pageSize);
        ObjectNode root = Answers.JSON.createObjectNode();
        ObjectNode links = root.putObject("_links");
        Map<String, Integer> targets = new LinkedHashMap<>();
        targets.put("first", 1);
        targets.put("last", pagesTotal);
        if (pageNumber < pagesTotal) {
            targets.put("next", pageNumber + 1);
        }
        if (pageNumber > 1) {
            targets.put("prev", Math.min(pageNumber - 1, pagesTotal));
        }
        targets.put("self", pageNumber);
        String base = base(exchange.call().uri());
        targets.forEach((name, target) -> links.putObject(name).put("href", href(base, target, pageSize, merchantIds, storeIds)));
        ArrayNode data = root.putArray("data");
        int from = Math.min(matching.size(), (pageNumber - 1) * pageSize);
        for (InventoryEntry entry : matching.subList(from, Math.min(matching.size(), from + pageSize))) {
            data.add(terminal(entry, now));
        }
        root.put("itemsTotal", matching.size());
        root.put("pagesTotal", pagesTotal);
        return root.toString();
    }

    private static ObjectNode terminal(InventoryEntry entry, Instant now) {
        ObjectNode terminal = Answers.JSON.createObjectNode();
        terminal.put("id", entry.id());
        terminal.put("model", entry.model());
        terminal.put("serialNumber", entry.serialNumber());
        terminal.put("firmwareVersion", entry.firmwareVersion(now));
        ObjectNode assignment = terminal.putObject("assignment");
        assignment.put("companyId", InventoryEntry.COMPANY_ID);
        assignment.put("merchantId", entry.merchantId());
        assignment.put("storeId", entry.storeId());
        assignment.put("status", entry.status());
        if (entry.reassignTo() != null) {
            assignment.putObject("reassignmentTarget").put("merchantId", entry.reassignTo()).put("inventory", false);
        }
        ObjectNode connectivity = terminal.putObject("connectivity");
        if (entry.terminal() != null) {
            connectivity.putObject(entry.terminal().model().battery() || entry.terminal().model().mobile() ? "wifi" : "ethernet")
                    .put("ipAddress", ipAddress(entry.terminal().networkProfile()));
        }
        if (entry.iccid() != null) {
            connectivity.putObject("cellular").put("iccid", entry.iccid()).put("status", entry.simStatus());
        }
        Instant lastActivity = entry.lastActivityAt(now);
        if (lastActivity != null) {
            terminal.put("lastActivityAt", TIMESTAMP.format(lastActivity));
        }
        if (entry.lastTransactionAt() != null) {
            terminal.put("lastTransactionAt", TIMESTAMP.format(entry.lastTransactionAt()));
        }
        terminal.put("restartLocalTime", entry.restartLocalTime());
        return terminal;
    }

    /** The address in the terminal's Base64 networkProfile, which its diagnosis also reports. */
    private static String ipAddress(String networkProfile) {
        try {
            String json = new String(Base64.getDecoder().decode(networkProfile), StandardCharsets.UTF_8);
            return Answers.JSON.readTree(json).path(0).path("Address").asText(null);
        } catch (Exception e) {
            return null;
        }
    }

    private static String base(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + "/v3/terminals";
    }

    private static String href(String base, int pageNumber, int pageSize, Set<String> merchantIds, Set<String> storeIds) {
        StringJoiner query = new StringJoiner("&", base + "?", "");
        if (!merchantIds.isEmpty()) {
            query.add("merchantIds=" + encode(String.join(",", merchantIds)));
        }
        if (!storeIds.isEmpty()) {
            query.add("storeIds=" + encode(String.join(",", storeIds)));
        }
        query.add("pageNumber=" + pageNumber).add("pageSize=" + pageSize);
        return query.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static int number(Fields query, String name, int fallback) {
        String value = query.getValue(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    private static Set<String> list(Fields query, String name) {
        List<String> values = query.getValues(name);
        return values == null ? Set.of() : values.stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim).filter(value -> !value.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Answers 401 or 403 as Adyen does unless the call has the Management API key; true when it answered. */
    boolean refused(Exchange exchange) {
        String key = exchange.header("X-API-Key");
        if (cloud.managementAuthorized(key)) {
            return false;
        }
        boolean otherRole = cloud.authorized(key);
        count(otherRole ? "http403" : "http401");
        exchange.json(otherRole ? 403 : 401, otherRole
                ? error(403, "00_403", "Forbidden", "Not the right permission to access this service.", "security/unauthorized")
                : error(401, "00_401", "Unauthorized", "Not authorized to access this service.", "security/unauthorized"));
        return true;
    }

    static String error(int status, String errorCode, String title, String detail, String type) {
        return Answers.JSON.createObjectNode().put("type", "https://docs.adyen.com/errors/" + type).put("errorCode", errorCode)
                .put("title", title).put("detail", detail).put("status", status).toString();
    }

    private void count(String outcome) {
        cloud.stats().record(KIND, outcome);
    }
}
