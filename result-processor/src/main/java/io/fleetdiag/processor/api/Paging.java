package io.fleetdiag.processor.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdiag.service.Json;
import io.fleetdiag.service.http.HttpCall;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * Paged lists ({@code page} from 0, {@code size} 1 to 500, default 50) answered as
 * {@code {"page","size","total","items"}} in a stable order. A list gathered across instances asks each
 * other instance for its first {@code (page + 1) * size} items in the same order ({@code local=true&limit=N})
 * with its total, merges them with its own and cuts the page out: a page is exact however the items
 * are spread. No caller reaches past the first {@link #MAX_ITEMS} items of a list, so no instance ever
 * sends more than that many. The items are the caller's ({@link InScope}) before they are counted or
 * cut, and each other instance is asked as the same caller, so a page or total never reaches beyond what
 * the caller sees.
 */
final class Paging {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;
    static final int MAX_ITEMS = 10_000;
    // access_token: no route reads a token from a URL (it is refused), and one put there anyway is not copied into peers' URLs
    private static final Set<String> PAGING_PARAMETERS = Set.of("page", "size", "local", "limit", "access_token");

    /** Which page a call asks for. */
    record Page(int page, int size) {
        int from() {
            return page * size;
        }

        int end() {
            return from() + size;
        }
    }

    /** The items this instance holds for a list. */
    @FunctionalInterface
    interface LocalItems {
        List<JsonNode> items();
    }

    /** One instance's part of a list: its first items and how many it has in all. */
    private record Part(long total, List<JsonNode> items) {
        static Part parse(JsonNode answer) {
            List<JsonNode> items = new ArrayList<>();
            answer.path("items").forEach(items::add);
            return new Part(answer.path("total").asLong(), items);
        }

        Part plus(Part other) {
            List<JsonNode> both = new ArrayList<>(items);
            both.addAll(other.items);
            return new Part(total + other.total, both);
        }
    }

    private final Peers peers;

    Paging(Peers peers) {
        this.peers = peers;
    }

    static Page page(HttpCall call) throws QueryException.BadRequest {
        int page = number(call, "page", 0);
        int size = number(call, "size", DEFAULT_SIZE);
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new QueryException.BadRequest("page counts from 0 and size is 1 to " + MAX_SIZE + " (got page=" + page + ", size=" + size + ")");
        }
        if ((long) page * size + size > MAX_ITEMS) {
            throw new QueryException.BadRequest("page " + page + " of size " + size + " is beyond the first " + MAX_ITEMS
                    + " items, which is as far as a list pages; narrow it with its filters");
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
    JsonNode gathered(HttpCall call, LocalItems local, Comparator<JsonNode> order) throws QueryException {
        Page page = page(call);
        List<JsonNode> items;
        try {
            items = new ArrayList<>(local.items());
        } catch (InvalidStateStoreException e) {
            throw QueryException.Unavailable.rebalancing();
        }
        items.sort(order);
        if ("true".equals(call.query("local", "false"))) {
            int limit = Math.min(MAX_ITEMS, Math.max(0, number(call, "limit", page.end())));
            return body(page, items.size(), items.subList(0, Math.min(limit, items.size())));
        }
        String forwarded = call.path() + "?" + forwardedQuery(call.query()) + "local=true&limit=" + page.end();
        Part all = peers.gather(call, forwarded, Part::parse, Part::plus, new Part(items.size(), items));
        List<JsonNode> merged = new ArrayList<>(all.items());
        merged.sort(order);
        return body(page, all.total(), merged.subList(Math.min(page.from(), merged.size()), Math.min(page.end(), merged.size())));
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

    private static int number(HttpCall call, String name, int otherwise) throws QueryException.BadRequest {
        String value = call.query(name, null);
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new QueryException.BadRequest(name + " must be a whole number, not '" + value + "'");
        }
    }
}
