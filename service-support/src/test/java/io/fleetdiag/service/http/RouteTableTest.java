package io.fleetdiag.service.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private static Route get(String path) {
        return Route.get(path, Permission.READ, "doc", call -> Reply.json(200, "{}"));
    }

    @Test
    void twoRoutesOfTheSameShapeAreRefused() {
        assertThatThrownBy(() -> new RouteTable(List.of(get("/api/alerts/{alertId}"), get("/api/alerts/{id}"))))
                .hasMessageContaining("GET /api/alerts/{alertId} and GET /api/alerts/{id}");
        assertThat(new RouteTable(List.of(get("/api/alerts/{alertId}"),
                Route.post("/api/alerts/{alertId}", Permission.OPERATE, "doc", call -> Reply.json(200, "{}")))).routes()).hasSize(2);
    }

    @Test
    void aTemplateIsCheckedWhenItIsDeclared() {
        assertThatThrownBy(() -> get("api/alerts")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> get("/api/{rest*}/alerts")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Route.get("/api", Permission.READ, " ", call -> null)).hasMessageContaining("documentation");
    }

    @Test
    void theMostLiteralTemplateWinsAndTheWildcardTakesTheRest() {
        RouteTable table = new RouteTable(List.of(get("/files/{file*}"), get("/files/{name}"), get("/files/index")));
        assertThat(table.find("GET", "/files/index").orElseThrow().route().path()).isEqualTo("/files/index");
        assertThat(table.find("GET", "/files/a").orElseThrow().params()).isEqualTo(Map.of("name", "a"));
        assertThat(table.find("HEAD", "/files/css/a.css").orElseThrow().params()).isEqualTo(Map.of("file", "css/a.css"));
        assertThat(table.find("GET", "/files/").orElseThrow().params()).isEqualTo(Map.of("file", ""));
        assertThat(table.find("POST", "/files/a")).isEmpty();
        assertThat(table.allowed("/files/a")).containsExactly("GET");
        assertThat(table.allowed("/other")).isEmpty();
    }
}
