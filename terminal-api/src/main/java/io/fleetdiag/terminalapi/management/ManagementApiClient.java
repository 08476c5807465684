package io.fleetdiag.terminalapi.management;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdiag.terminalapi.BoundedBody;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.StringJoiner;

/**
 * Adyen's Management API {@code GET /terminals}, blocking: the inventory is read once per refresh interval,
 * page after page, by one thread. A terminal whose id is missing is skipped; the rest of the page is kept.
 */
public final class ManagementApiClient {

    /** The largest pageSize Adyen accepts. */
    public static final int MAX_PAGE_SIZE = 100;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PAGES = 100_000;

    private final ManagementApiConfig config;
    private final HttpClient http;

    public ManagementApiClient(ManagementApiConfig config) {
        this.config = config;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (config.trustStore() != null) {
            builder.sslContext(config.trustStore().sslContext());
        }
        this.http = builder.build();
    }

    /** One page, {@code pageNumber} from 1. */
    public TerminalPage page(TerminalFilter filter, int pageNumber, int pageSize) throws ManagementApiException {
        if (pageNumber < 1 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageNumber from 1, pageSize 1 to " + MAX_PAGE_SIZE);
        }
        HttpResponse<String> response = get(uri(filter, pageNumber, pageSize), "GET /terminals");
        if (response.statusCode() != 200) {
            throw new ManagementApiException(response.statusCode(), describe("GET /terminals", response), null);
        }
        return parse(response.body());
    }

    /**
     * The terminal's {@code hardware.restartHour} ({@code GET /terminals/{terminalId}/terminalSettings}): the hour it restarts
     * daily, in its own time zone; empty when its settings do not say (Adyen's default, 06:00, then holds).
     */
    public OptionalInt restartHour(String terminalId) throws ManagementApiException {
        String what = "GET /terminals/" + terminalId + "/terminalSettings";
        HttpResponse<String> response = get(URI.create(config.baseUrl() + "/terminals/" + encode(terminalId) + "/terminalSettings"), what);
        if (response.statusCode() != 200) {
            throw new ManagementApiException(response.statusCode(), describe(what, response), null);
        }
        JsonNode hour;
        try {
            hour = JSON.readTree(response.body()).path("hardware").path("restartHour");
        } catch (IOException e) {
            throw new ManagementApiException(200, what + " answered with something that is not JSON", e);
        }
        return hour.isInt() && hour.asInt() >= 0 && hour.asInt() <= 23 ? OptionalInt.of(hour.asInt()) : OptionalInt.empty();
    }

    private HttpResponse<String> get(URI uri, String what) throws ManagementApiException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("X-API-Key", config.apiKey().reveal())
                .header("Accept", "application/json")
                .timeout(config.requestTimeout())
                .GET().build();
        try {
            return http.send(request, BoundedBody.ofString());
        } catch (IOException e) {
            throw new ManagementApiException(0, what + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ManagementApiException(0, what + " interrupted", e);
        }
    }

    /** Every page of the filter, following the pages until the last. */
    public List<InventoryTerminal> all(TerminalFilter filter, int pageSize) throws ManagementApiException {
        List<InventoryTerminal> terminals = new ArrayList<>();
        for (int pageNumber = 1; pageNumber <= MAX_PAGES; pageNumber++) {
            TerminalPage page = page(filter, pageNumber, pageSize);
            terminals.addAll(page.terminals());
            if (!page.hasNext() || pageNumber >= page.pagesTotal() || page.terminals().isEmpty()) {
                return terminals;
            }
        }
        throw new ManagementApiException(0, "GET /terminals has more than " + MAX_PAGES + " pages", null);
    }

    private URI uri(TerminalFilter filter, int pageNumber, int pageSize) {
        StringJoiner query = new StringJoiner("&", config.baseUrl() + "/terminals?", "");
        if (!filter.merchantIds().isEmpty()) {
            query.add("merchantIds=" + encode(String.join(",", filter.merchantIds())));
        }
        if (!filter.storeIds().isEmpty()) {
            query.add("storeIds=" + encode(String.join(",", filter.storeIds())));
        }
        return URI.create(query.add("pageNumber=" + pageNumber).add("pageSize=" + pageSize).toString());
    }

    static TerminalPage parse(String body) throws ManagementApiException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new ManagementApiException(200, "GET /terminals answered with something that is not JSON", e);
        }
        if (root == null || !root.isObject() || !root.path("itemsTotal").isNumber() || !root.path("pagesTotal").isNumber()) {
            throw new ManagementApiException(200, "GET /terminals answered without itemsTotal and pagesTotal", null);
        }
        List<InventoryTerminal> terminals = new ArrayList<>();
        for (JsonNode node : root.path("data")) {
            String id = text(node.get("id"));
            if (id == null || id.isBlank()) {
                continue;
            }
            JsonNode assignment = node.path("assignment");
            JsonNode target = assignment.get("reassignmentTarget");
            JsonNode connectivity = node.get("connectivity");
            terminals.add(new InventoryTerminal(id, text(node.get("model")), text(node.get("serialNumber")),
                    text(node.get("firmwareVersion")), text(assignment.get("companyId")), text(assignment.get("merchantId")),
                    text(assignment.get("storeId")), text(assignment.get("status")),
                    target == null || target.isNull() ? null : target.toString(),
                    connectivity == null || connectivity.isNull() ? null : connectivity.toString(),
                    instant(node.get("lastActivityAt")), instant(node.get("lastTransactionAt")), timeOfDay(node.get("restartLocalTime"))));
        }
        return new TerminalPage(terminals, root.path("itemsTotal").asInt(), root.path("pagesTotal").asInt(),
                root.path("_links").has("next"));
    }

    private static String describe(String what, HttpResponse<String> response) {
        String detail;
        try {
            JsonNode error = JSON.readTree(response.body());
            detail = error == null ? "" : (text(error.get("title")) + ": " + text(error.get("detail")));
        } catch (IOException e) {
            detail = "";
        }
        String hint = switch (response.statusCode()) {
            case 401 -> " (check " + ManagementApiConfig.KEY_ENV + ")";
            case 403 -> " (the key lacks the Management API role: Terminal read, or Terminal settings read for terminalSettings)";
            default -> "";
        };
        return what + ": HTTP " + response.statusCode() + " " + detail + hint;
    }

    /** {@code HH:mm} as Adyen writes it, normalised; anything else counts as absent (the global restart hour then holds). */
    private static String timeOfDay(JsonNode node) {
        String value = text(node);
        try {
            return value == null ? null : LocalTime.parse(value.strip()).format(DateTimeFormatter.ofPattern("HH:mm"));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Adyen sends ISO-8601 with an offset; a value that does not parse counts as absent. */
    private static Instant instant(JsonNode node) {
        String value = text(node);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
