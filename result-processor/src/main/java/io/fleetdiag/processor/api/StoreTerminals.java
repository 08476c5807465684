package io.fleetdiag.processor.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdiag.service.http.HttpCall;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The POIIDs of a store's terminals the caller sees, gathered from every instance as {@code GET /api/terminals?merchantAccount=&store=} is. */
@FunctionalInterface
public interface StoreTerminals {

    List<String> poiids(HttpCall origin, String merchantAccount, String store) throws QueryException;

    /** Through the terminal list of {@code queries}, page after page. */
    static StoreTerminals of(ProcessorQueries queries) {
        return (origin, merchantAccount, store) -> {
            List<String> poiids = new ArrayList<>();
            for (int page = 0; page * Paging.MAX_SIZE < Paging.MAX_ITEMS; page++) {
                Map<String, String> query = Map.of("merchantAccount", merchantAccount, "store", store, "page", Integer.toString(page),
                        "size", Integer.toString(Paging.MAX_SIZE));
                URI uri = URI.create("/api/terminals?merchantAccount=" + encode(merchantAccount) + "&store=" + encode(store)
                        + "&page=" + page + "&size=" + Paging.MAX_SIZE);
                JsonNode answer = queries.terminals(new HttpCall("GET", "/api/terminals", Map.of(), query, origin.headers(), "", uri,
                        origin.caller()));
                answer.path("items").forEach(item -> poiids.add(item.path("poiid").asText()));
                if (answer.path("items").size() < Paging.MAX_SIZE) {
                    break;
                }
            }
            return poiids;
        };
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
