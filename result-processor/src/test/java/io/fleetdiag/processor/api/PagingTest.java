package io.fleetdiag.processor.api;

import io.fleetdiag.service.access.Caller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdiag.service.Json;
import io.fleetdiag.service.http.HttpCall;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagingTest {

    private static HttpCall call(Map<String, String> query) {
        return HttpCall.get("/api/terminals", query, Caller.local());
    }

    @Test
    void pagesDefaultToTheFirstFiftyAndRefuseWhatNoListHas() throws Exception {
        assertThat(Paging.page(call(Map.of()))).isEqualTo(new Paging.Page(0, 50));
        assertThat(Paging.page(call(Map.of("page", "3", "size", "500")))).isEqualTo(new Paging.Page(3, 500));
        for (Map<String, String> bad : List.of(Map.of("size", "501"), Map.of("size", "0"), Map.of("page", "-1"), Map.of("page", "two"),
                Map.of("page", String.valueOf(Integer.MAX_VALUE), "size", "500"))) {
            assertThatThrownBy(() -> Paging.page(call(bad))).as(bad.toString()).isInstanceOf(QueryException.BadRequest.class);
        }
    }

    @Test
    void aPageIsCutFromTheSortedItemsWithTheirTotal() {
        List<JsonNode> items = IntStream.of(5, 3, 9, 1, 7).mapToObj(n -> (JsonNode) Json.MAPPER.createObjectNode().put("poiid", "T" + n)).toList();

        JsonNode second = Paging.answer(new Paging.Page(1, 2), items, ListItems.BY_POIID);
        JsonNode beyond = Paging.answer(new Paging.Page(9, 2), items, ListItems.BY_POIID);

        assertThat(second.toString()).isEqualTo("{\"page\":1,\"size\":2,\"total\":5,\"items\":[{\"poiid\":\"T5\"},{\"poiid\":\"T7\"}]}");
        assertThat(beyond.path("items")).isEmpty();
        assertThat(beyond.path("total").asInt()).isEqualTo(5);
    }

    @Test
    void theHistoryOrderIsNewestFirstWhateverTheInstantsPrecision() {
        JsonNode whole = Json.MAPPER.createObjectNode().put("alertId", "a").put("raisedAt", "2026-11-23T10:00:00Z");
        JsonNode later = Json.MAPPER.createObjectNode().put("alertId", "b").put("raisedAt", "2026-11-23T10:00:00.500Z");

        assertThat(Paging.answer(new Paging.Page(0, 5), List.of(whole, later), ListItems.NEWEST_FIRST).path("items"))
                .extracting(item -> item.path("alertId").asText()).containsExactly("b", "a");
    }
}
