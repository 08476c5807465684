package io.fleetdiag.processor.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdiag.service.Json;
import io.fleetdiag.service.http.HttpCall;
import io.fleetdiag.service.http.Reply;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Paged lists ({@code page} from 0, {@code size} 1 to 500, default 50) answered as
 * {@code {"page","size","total","items"}} in a stable order. A list gathered across instances asks each
 * other instance for its first {@code (page + 1) * size} items in the same order ({@code local=true&limit=N})
 * with its total, merges them with its own and cuts the page out: a page is exact however the items
 * are spread.
 */
final class Paging {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;
    private static final Set<String> PAGING_PARAMETERS = Set.of("page", "size", "local", "limit");

    /** Which page a call asks for. */
    record Page(int page, int size) {
        int from() {
            return page * size;
        }

        int end() {
            return Math.addExact(from(), size);
        }
    }

    /** Bad paging parameters. */
    static final class BadPage extends Exception {
        BadPage(String message) {
            super(message);
        }
    }

    /** The items this instance holds for a list. */
    @FunctionalInterface
    interface LocalItems {
        List<JsonNode> items();
    }

    private final Peers peers;

    Paging(Peers peers) {
        this.peers = peers;
    }

    static Page page(HttpCall call) throws BadPage {
        int page = number(call, "page", 0);
        int size = number(call, "size", DEFAULT_SIZE);
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new BadPage("page counts from 0 and size is 1 to " + MAX_SIZE + " (got page=" + page + ", size=" + size + ")");
        }
        if ((long) page * size > Integer.MAX_VALUE - size) {
            throw new BadPage("page " + page + " of size " + size + " is beyond any list");
        }
        return new Page(page, size);
    }

    /** One page of items that are all here (e.g. one terminal's history), in {@code order}. */
    static JsonNode answer(Page page, List<JsonNode> items, Comparator<JsonNode> order) {
        List<JsonNode> sorted = new ArrayList<>(items);
        sorted.sort(order);
        return body(page, sorted.size(), sorted.subList(Math.min(page.from(), sorted.size()), Math.min(page.end(), sorted.size())));
    }

    /** A list gathered from this instance and every other one, paged. */
    Reply gathered(HttpCall call, LocalItems local, Comparator<JsonNode> order) throws Exception {
        Page page;
        int limit;
        try {
            page = page(call);
            limit = Math.max(0, number(call, "limit", page.end()));
        } catch (BadPage e) {
            return Reply.error(400, e.getMessage());
        }
        List<JsonNode> items;
        try {
            items = new ArrayList<>(local.items());
        } catch (InvalidStateStoreException e) {
            return ProcessorQueries.rebalancing();
        }
        items.sort(order);
        long total = items.size();
        if ("true".equals(call.query("local", "false"))) {
            return Reply.json(200, body(page, total, items.subList(0, Math.min(limit, items.size()))).toString());
        }
        String forwarded = call.path() + "?" + forwardedQuery(call.query()) + "local=true&limit=" + page.end();
        for (HostInfo other : peers.others()) {
            HttpResponse<String> answer = peers.get(other, forwarded);
            if (answer.statusCode() != 200) {
                return Reply.json(answer.statusCode(), answer.body());
            }
            JsonNode part = Json.MAPPER.readTree(answer.body());
            total += part.path("total").asLong();
            part.path("items").forEach(items::add);
        }
        items.sort(order);
        return Reply.json(200, body(page, total, items.subList(Math.min(page.from(), items.size()), Math.min(page.end(), items.size()))).toString());
    }

    private static ObjectNode body(Page page, long total, List<JsonNode> items) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("page", page.page());
        body.put("size", page.size());
        body.put("total", total);
        ArrayNode array = body.putArray("items");
        items.forEach(array::add);
        return body;
    }

    private static String forwardedQuery(Map<String, String> query) {
        return new TreeMap<>(query).entrySet().stream().filter(entry -> !PAGING_PARAMETERS.contains(entry.getKey()))
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()) + "&").collect(Collectors.joining());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static int number(HttpCall call, String name, int otherwise) throws BadPage {
        String value = call.query(name, null);
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new BadPage(name + " must be a whole number, not '" + value + "'");
        }
    }
}
