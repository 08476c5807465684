package io.fleetdiag.processor.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fleetdiag.processor.TestCallers;
import io.fleetdiag.processor.reboot.RebootSettings;
import io.fleetdiag.processor.reboot.RebootTable;
import io.fleetdiag.processor.reboot.TerminalReboots;
import io.fleetdiag.schemas.ScheduledAction;
import io.fleetdiag.schemas.TerminalAction;
import io.fleetdiag.schemas.TerminalActionKind;
import io.fleetdiag.service.Json;
import io.fleetdiag.service.access.Caller;
import io.fleetdiag.service.access.Scope;
import io.fleetdiag.service.http.HttpCall;
import io.fleetdiag.service.http.HttpEndpoint;
import io.fleetdiag.service.http.Permission;
import io.fleetdiag.terminalapi.ApiKey;
import io.fleetdiag.terminalapi.management.ManagementApiConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reboot routes over real HTTP with two callers (an operator and a viewer without alerts:operate), a stand-in for Adyen's
 * terminal actions whose action status the test moves on, and the terminal-actions records on a MockProducer.
 */
class RebootApiTest {

    private static final Instant NOW = Instant.parse("2026-12-05T22:00:00Z");
    private static final String OPERATOR_TOKEN = "operator-token";
    private static final String VIEWER_TOKEN = "viewer-token";
    private static final Caller OPERATOR = new Caller("ops@example.com", Set.of(Permission.READ, Permission.OPERATE), Scope.ALL);
    private static final Caller VIEWER = new Caller("viewer@example.com", Set.of(Permission.READ), Scope.ALL);

    private final MockProducer<String, TerminalAction> producer =
            new MockProducer<>(true, null, new StringSerializer(), (topic, value) -> new byte[0]);
    private final HttpClient http = HttpClient.newHttpClient();
    private volatile String status = "pending";
    private HttpServer adyen;
    private HttpEndpoint endpoint;

    @BeforeEach
    void start() throws Exception {
        adyen = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        adyen.createContext("/v3/terminals/scheduleActions", exchange -> answer(exchange,
                "{\"items\":[{\"id\":\"TRAC1\",\"terminalId\":\"V400m-1\",\"actionType\":\"ForceReboot\",\"status\":\"pending\"}]}"));
        adyen.createContext("/v3/companies/Company/terminalActions/TRAC1", exchange -> answer(exchange,
                "{\"id\":\"TRAC1\",\"terminalId\":\"V400m-1\",\"actionType\":\"ForceReboot\",\"status\":\"" + status + "\"}"));
        adyen.start();
        RebootSettings settings = new RebootSettings(new ManagementApiConfig(URI.create("http://127.0.0.1:" + adyen.getAddress().getPort() + "/v3"),
                ApiKey.of("AQEmanagement-key"), Duration.ofSeconds(5), true, null), "Company");
        RebootApi api = new RebootApi(RebootApiTest::terminal, (origin, merchantAccount, store) -> List.of("V400m-1"), Optional.of(settings),
                producer, "terminal-actions", this::recorded, Clock.fixed(NOW, ZoneOffset.UTC));
        endpoint = HttpEndpoint.start("127.0.0.1", 0, TestCallers.tokens(Map.of(OPERATOR_TOKEN, OPERATOR, VIEWER_TOKEN, VIEWER)), api.routes());
    }

    @AfterEach
    void stop() throws Exception {
        endpoint.close();
        adyen.stop(0);
    }

    private static JsonNode terminal(HttpCall origin, String poiid) throws QueryException {
        if (!poiid.equals("V400m-1")) {
            throw new QueryException.NotFound("No terminal " + poiid);
        }
        return Json.MAPPER.createObjectNode().put("poiid", poiid);
    }

    /** The reboot table's row as the topology folds it ({@code RebootTableTopologyTest}), here from what the routes wrote. */
    private JsonNode recorded(HttpCall origin, String poiid) {
        TerminalReboots row = TerminalReboots.NONE;
        for (ProducerRecord<String, TerminalAction> record : producer.history()) {
            for (var one : RebootTable.perTerminal(record.key(), record.value())) {
                if (one.key.equals(poiid)) {
                    row = row.with(one.value.getActions().get(0).getActionId(), one.value);
                }
            }
        }
        return Json.MAPPER.valueToTree(Map.of("poiid", poiid, "items", row.newestFirst().stream().map(TerminalReboots.Known::json).toList()));
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private HttpResponse<String> call(String method, String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRebootIsRecordedWithTheCallerAndEachChangeOfItsStatusOnce() throws Exception {
        HttpResponse<String> scheduled = call("POST", "/api/terminals/V400m-1/reboot", OPERATOR_TOKEN);

        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(202);
        assertThat(Json.MAPPER.readTree(scheduled.body()).path("recorded").asBoolean()).isTrue();
        assertThat(producer.history()).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo("terminal-actions");
            assertThat(record.key()).isEqualTo("V400m-1");
            assertThat(record.value().getKind()).isEqualTo(TerminalActionKind.SCHEDULED);
            assertThat(record.value().getBy()).isEqualTo("ops@example.com");
            assertThat(record.value().getActions()).containsExactly(new ScheduledAction("V400m-1", "TRAC1"));
        });

        assertThat(call("GET", "/api/reboots/TRAC1", VIEWER_TOKEN).statusCode()).isEqualTo(200);
        status = "successful";
        assertThat(call("GET", "/api/reboots/TRAC1", VIEWER_TOKEN).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/reboots/TRAC1", OPERATOR_TOKEN).statusCode()).isEqualTo(200);

        assertThat(producer.history()).hasSize(2);
        TerminalAction outcome = producer.history().get(1).value();
        assertThat(outcome.getKind()).isEqualTo(TerminalActionKind.OUTCOME);
        assertThat(outcome.getStatus()).isEqualTo("successful");
        assertThat(outcome.getBy()).isEqualTo("viewer@example.com");
        JsonNode listed = Json.MAPPER.readTree(call("GET", "/api/terminals/V400m-1/reboots", VIEWER_TOKEN).body());
        assertThat(listed.path("items")).singleElement().satisfies(item -> {
            assertThat(item.path("actionId").asText()).isEqualTo("TRAC1");
            assertThat(item.path("status").asText()).isEqualTo("successful");
            assertThat(item.path("by").asText()).isEqualTo("ops@example.com");
        });
    }

    @Test
    void aCallerWithoutAlertsOperateIsRefusedBothRebootsAndNothingIsScheduledOrRecorded() throws Exception {
        HttpResponse<String> terminal = call("POST", "/api/terminals/V400m-1/reboot", VIEWER_TOKEN);
        HttpResponse<String> store = call("POST", "/api/stores/AcmeRetail_EU/EU-0001/reboot", VIEWER_TOKEN);

        assertThat(terminal.statusCode()).as(terminal.body()).isEqualTo(403);
        assertThat(store.statusCode()).as(store.body()).isEqualTo(403);
        assertThat(producer.history()).isEmpty();
        assertThat(Json.MAPPER.readTree(call("GET", "/api/terminals/V400m-1/reboots", VIEWER_TOKEN).body()).path("items")).isEmpty();
    }

    @Test
    void aStoresRebootIsOneRecordNamingTheStore() throws Exception {
        HttpResponse<String> store = call("POST", "/api/stores/AcmeRetail_EU/EU-0001/reboot", OPERATOR_TOKEN);

        assertThat(store.statusCode()).as(store.body()).isEqualTo(202);
        List<ProducerRecord<String, TerminalAction>> records = producer.history();
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("AcmeRetail_EU/EU-0001");
            assertThat(record.value().getStore()).isEqualTo("EU-0001");
            assertThat(record.value().getBy()).isEqualTo("ops@example.com");
        });
    }
}
