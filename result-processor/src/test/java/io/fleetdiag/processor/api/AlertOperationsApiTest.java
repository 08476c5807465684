package io.fleetdiag.processor.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdiag.processor.TestCallers;
import io.fleetdiag.processor.operations.AlertOperations;
import io.fleetdiag.processor.operations.Silences;
import io.fleetdiag.schemas.AlertOperation;
import io.fleetdiag.schemas.AlertOperationKind;
import io.fleetdiag.schemas.AlertScope;
import io.fleetdiag.service.Json;
import io.fleetdiag.service.access.Caller;
import io.fleetdiag.service.access.Scope;
import io.fleetdiag.service.http.HttpCall;
import io.fleetdiag.service.http.HttpEndpoint;
import io.fleetdiag.service.http.Permission;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
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
 * The acknowledgement and silence endpoints over real HTTP, with two callers' bearer tokens (operations, who
 * sees everything, and a store manager of AcmeRetail_EU), writing to a MockProducer.
 */
class AlertOperationsApiTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final String TOKEN = "s3cret-token";
    private static final String MANAGER_TOKEN = "eu-manager-token";
    private static final Caller OPERATIONS = new Caller("ops@example.com", Set.of(Permission.READ, Permission.OPERATE), Scope.ALL);
    private static final Caller MANAGER = new Caller("manager@acme.example", Set.of(Permission.READ, Permission.OPERATE),
            Scope.of(Set.of("AcmeRetail_EU"), Set.of()));
    private static final String ACTIVE = "1b4e28ba-2fa1-11d2-883f-0016d3cca427";
    private static final String RESOLVED = "6fa459ea-ee8a-3ca4-894e-db77e160355e";
    private static final String ACTIVE_US = "0e4f7a1c-9d2b-4e8f-a3c5-7b6d1e2f3a4b";

    private final MockProducer<String, AlertOperation> producer =
            new MockProducer<>(true, null, new StringSerializer(), (topic, value) -> new byte[0]);
    private final Map<String, AlertFinder.Found> alerts = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private HttpEndpoint endpoint;

    @BeforeEach
    void start() throws Exception {
        AlertScope terminal = AlertScope.newBuilder().setPoiid("V400m-1").setMerchantAccount("AcmeRetail_EU").setStore("EU-0001")
                .setAlertType("BATTERY_LOW").build();
        alerts.put(ACTIVE, new AlertFinder.Found(ACTIVE, terminal, true, (ObjectNode) Json.MAPPER.readTree("{\"alertId\":\"" + ACTIVE + "\",\"active\":true}")));
        alerts.put(RESOLVED, new AlertFinder.Found(RESOLVED, terminal, false,
                (ObjectNode) Json.MAPPER.readTree("{\"alertId\":\"" + RESOLVED + "\",\"active\":false,\"resolvedAt\":\"2026-11-23T09:00:00Z\"}")));
        alerts.put(ACTIVE_US, new AlertFinder.Found(ACTIVE_US, AlertScope.newBuilder().setPoiid("V400m-2").setMerchantAccount("AcmeRetail_US")
                .setStore("US-0001").setAlertType("BATTERY_LOW").build(), true, (ObjectNode) Json.MAPPER.readTree("{\"alertId\":\"" + ACTIVE_US + "\",\"active\":true}")));
        AlertFinder finder = (origin, alertId) -> Optional.ofNullable(alerts.get(alertId));
        AlertOperationsApi api = new AlertOperationsApi(finder, AlertOperationsApiTest::terminal, this::tableFromTopic, producer, "alert-operations",
                Clock.fixed(NOW, ZoneOffset.UTC));
        endpoint = HttpEndpoint.start("127.0.0.1", 0, TestCallers.tokens(Map.of(TOKEN, OPERATIONS, MANAGER_TOKEN, MANAGER)), api.routes());
    }

    /** As ProcessorQueries answers: V400m-1 of AcmeRetail_EU, V400m-2 of AcmeRetail_US, each found only by a caller who sees it. */
    private static JsonNode terminal(HttpCall origin, String poiid) throws QueryException {
        Map<String, String> stores = Map.of("V400m-1", "AcmeRetail_EU/EU-0001", "V400m-2", "AcmeRetail_US/US-0001");
        String[] store = stores.getOrDefault(poiid, "/").split("/");
        if (!stores.containsKey(poiid) || !origin.caller().scope().covers(store[0], store[1])) {
            throw new QueryException.NotFound("No terminal " + poiid);
        }
        return Json.MAPPER.createObjectNode().put("poiid", poiid).put("merchantAccount", store[0]).put("store", store[1]);
    }

    /** What the global table would hold: the latest record of each key written so far. */
    private AlertOperations tableFromTopic() {
        Map<String, AlertOperation> latest = new LinkedHashMap<>();
        producer.history().forEach(record -> latest.put(record.key(), record.value()));
        return new AlertOperations(latest::get, prefix -> latest.values().stream()
                .filter(operation -> operation.getId().startsWith(prefix)).toList());
    }

    @AfterEach
    void stop() throws Exception {
        endpoint.close();
    }

    private HttpResponse<String> call(String method, String path, String body, Optional<String> token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        token.ifPresent(value -> request.header("Authorization", "Bearer " + value));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        return call(method, path, body, Optional.of(TOKEN));
    }

    private HttpResponse<String> asManager(String method, String path, String body) throws Exception {
        return call(method, path, body, Optional.of(MANAGER_TOKEN));
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.MAPPER.readTree(response.body());
    }

    @Test
    void anAcknowledgementOfAnActiveAlertIsWrittenKeyedByItsAlertIdWithTheAlertsSubjectAndTheCallerAsWhoNotTheBody() throws Exception {
        HttpResponse<String> answer = call("POST", "/api/alerts/" + ACTIVE + "/ack", "{\"by\": \"Somebody else\", \"note\": \"charger ordered\"}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(json(answer).path("acknowledgedBy").asText()).isEqualTo(OPERATIONS.subject());
        assertThat(producer.history()).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo("alert-operations");
            assertThat(record.key()).isEqualTo(ACTIVE);
            assertThat(record.value().getKind()).isEqualTo(AlertOperationKind.ACKNOWLEDGEMENT);
            assertThat(record.value().getBy()).isEqualTo(OPERATIONS.subject());
            assertThat(record.value().getNote()).isEqualTo("charger ordered");
            assertThat(record.value().getCreatedAt()).isEqualTo(NOW);
            assertThat(record.value().getScope().getPoiid()).isEqualTo("V400m-1");
            assertThat(record.value().getScope().getAlertType()).isEqualTo("BATTERY_LOW");
        });
    }

    @Test
    void unknownResolvedOrUnauthorisedAcknowledgementsAreRefusedAndWriteNothing() throws Exception {
        assertThat(call("POST", "/api/alerts/nope/ack", "{\"by\": \"Ana\"}").statusCode()).isEqualTo(404);
        HttpResponse<String> resolved = call("POST", "/api/alerts/" + RESOLVED + "/ack", "{\"by\": \"Ana\"}");
        assertThat(resolved.statusCode()).isEqualTo(409);
        assertThat(json(resolved).path("error").asText()).contains("already resolved").contains("2026-11-23T09:00:00Z");
        assertThat(call("POST", "/api/alerts/" + ACTIVE + "/ack", "{\"by\": \"Ana\"}", Optional.empty()).statusCode()).isEqualTo(401);
        assertThat(call("POST", "/api/alerts/" + ACTIVE + "/ack", "{\"note\": \"" + "x".repeat(2_001) + "\"}").statusCode()).isEqualTo(400);
        assertThat(call("POST", "/api/alerts/" + ACTIVE + "/ack", "[1, 2]").statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/alerts/" + ACTIVE + "/ack", null).statusCode()).isEqualTo(405);
        assertThat(producer.history()).isEmpty();

        assertThat(json(call("GET", "/api/alerts/" + RESOLVED, null)).path("active").asBoolean()).isFalse();
    }

    @Test
    void aSilenceIsWrittenListedWhileActiveAndEndedEarlyOnce() throws Exception {
        HttpResponse<String> created = call("POST", "/api/silences",
                "{\"merchantAccount\": \"AcmeRetail_EU\", \"store\": \"EU-0001\", \"type\": \"PRINTER_FAULT\","
                        + " \"until\": \"2026-11-23T12:00:00Z\", \"by\": \"Ana\", \"reason\": \"paper delivery late\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String silenceId = json(created).path("silenceId").asText();
        assertThat(silenceId).startsWith(Silences.ID_PREFIX);
        ProducerRecord<String, AlertOperation> written = producer.history().get(0);
        assertThat(written.key()).isEqualTo(silenceId);
        assertThat(written.value().getUntil()).isEqualTo(Instant.parse("2026-11-23T12:00:00Z"));
        assertThat(written.value().getScope().getStore()).isEqualTo("EU-0001");

        JsonNode listed = json(call("GET", "/api/silences", null)).path("items");
        assertThat(listed).singleElement().satisfies(silence -> {
            assertThat(silence.path("silenceId").asText()).isEqualTo(silenceId);
            assertThat(silence.path("type").asText()).isEqualTo("PRINTER_FAULT");
            assertThat(silence.path("reason").asText()).isEqualTo("paper delivery late");
            assertThat(silence.path("active").asBoolean()).isTrue();
        });

        assertThat(written.value().getBy()).isEqualTo(OPERATIONS.subject());
        assertThat(call("DELETE", "/api/silences/silence-unknown", null).statusCode()).isEqualTo(404);
        HttpResponse<String> ended = call("DELETE", "/api/silences/" + silenceId + "?by=Bo", null);
        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
        assertThat(producer.history()).hasSize(2).last().satisfies(record -> {
            assertThat(record.key()).isEqualTo(silenceId);
            assertThat(record.value().getEndedAt()).isEqualTo(NOW);
            assertThat(record.value().getEndedBy()).as("?by= is ignored").isEqualTo(OPERATIONS.subject());
        });
        assertThat(call("DELETE", "/api/silences/" + silenceId, null).statusCode()).isEqualTo(409);
        assertThat(json(call("GET", "/api/silences", null)).path("items")).isEmpty();
        assertThat(json(call("GET", "/api/silences?all=true", null)).path("items")).singleElement()
                .satisfies(silence -> assertThat(silence.path("endedBy").asText()).isEqualTo(OPERATIONS.subject()));
    }

    @Test
    void silencesThatMakeNoSenseAreRefusedWithTheReason() throws Exception {
        Map<String, String> refused = Map.of(
                "{\"until\": \"2026-11-23T12:00:00Z\", \"by\": \"Ana\"}", "Say what to silence",
                "{\"poiid\": \"V400m-1\", \"store\": \"EU-0001\", \"merchantAccount\": \"A\", \"until\": \"2026-11-23T12:00:00Z\", \"by\": \"Ana\"}",
                "needs no merchantAccount",
                "{\"store\": \"EU-0001\", \"until\": \"2026-11-23T12:00:00Z\", \"by\": \"Ana\"}", "merchantAccount and store",
                "{\"type\": \"PAPER\", \"until\": \"2026-11-23T12:00:00Z\", \"by\": \"Ana\"}", "No alert type PAPER",
                "{\"poiid\": \"V400m-1\", \"until\": \"2026-11-23T09:00:00Z\", \"by\": \"Ana\"}", "not in the future",
                "{\"poiid\": \"V400m-1\", \"until\": \"tomorrow\", \"by\": \"Ana\"}", "ISO-8601",
                "{\"poiid\": \"V400m-1\", \"until\": \"2027-11-23T09:00:00Z\", \"by\": \"Ana\"}", "at most 90 days");
        for (Map.Entry<String, String> body : refused.entrySet()) {
            HttpResponse<String> answer = call("POST", "/api/silences", body.getKey());
            assertThat(answer.statusCode()).as(body.getKey()).isEqualTo(400);
            assertThat(json(answer).path("error").asText()).as(body.getKey()).contains(body.getValue());
        }
        assertThat(producer.history()).isEmpty();
        assertThat(call("GET", "/api/silences", null, Optional.empty()).statusCode()).isEqualTo(401);
        assertThat(json(call("GET", "/api/silences", null)).path("total").asInt()).isZero();
    }

    @Test
    void aScopedCallerAcknowledgesOnlyAlertsInScopeAndOthersAreNotFoundAsIfUnknown() throws Exception {
        HttpResponse<String> foreign = asManager("POST", "/api/alerts/" + ACTIVE_US + "/ack", "{}");
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(json(foreign).path("error").asText()).isEqualTo(json(asManager("POST", "/api/alerts/nope/ack", "{}")).path("error").asText()
                .replace("nope", ACTIVE_US));
        assertThat(asManager("GET", "/api/alerts/" + ACTIVE_US, null).statusCode()).isEqualTo(404);
        assertThat(producer.history()).isEmpty();

        HttpResponse<String> own = asManager("POST", "/api/alerts/" + ACTIVE + "/ack", "{\"by\": \"ops@example.com\"}");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(producer.history()).singleElement().satisfies(record -> assertThat(record.value().getBy()).isEqualTo(MANAGER.subject()));
    }

    @Test
    void aScopedCallerSilencesOnlyWithinItsScopeAndSeesOnlyThoseSilences() throws Exception {
        String until = "\"until\": \"2026-11-23T12:00:00Z\"";
        HttpResponse<String> fleetWide = asManager("POST", "/api/silences", "{\"type\": \"BATTERY_LOW\", " + until + "}");
        assertThat(fleetWide.statusCode()).isEqualTo(403);
        assertThat(json(fleetWide).path("error").asText()).contains("everywhere");
        HttpResponse<String> otherAccount = asManager("POST", "/api/silences", "{\"merchantAccount\": \"AcmeRetail_US\", " + until + "}");
        assertThat(otherAccount.statusCode()).isEqualTo(403);
        assertThat(json(otherAccount).path("error").asText()).contains("does not cover merchant account AcmeRetail_US");
        assertThat(asManager("POST", "/api/silences", "{\"merchantAccount\": \"AcmeRetail_US\", \"store\": \"US-0001\", " + until + "}").statusCode())
                .isEqualTo(403);
        assertThat(asManager("POST", "/api/silences", "{\"poiid\": \"V400m-2\", " + until + "}").statusCode()).as("a terminal out of scope").isEqualTo(404);
        assertThat(asManager("POST", "/api/silences", "{\"poiid\": \"V400m-9\", " + until + "}").statusCode()).as("an unknown terminal").isEqualTo(404);
        assertThat(producer.history()).isEmpty();

        HttpResponse<String> terminal = asManager("POST", "/api/silences", "{\"poiid\": \"V400m-1\", " + until + "}");
        assertThat(terminal.statusCode()).as(terminal.body()).isEqualTo(201);
        assertThat(json(terminal).path("by").asText()).isEqualTo(MANAGER.subject());
        assertThat(json(terminal).path("merchantAccount").asText()).as("recorded, so whoever sees the terminal sees its silence").isEqualTo("AcmeRetail_EU");
        String usSilence = json(call("POST", "/api/silences", "{\"merchantAccount\": \"AcmeRetail_US\", " + until + "}")).path("silenceId").asText();
        String everywhere = json(call("POST", "/api/silences", "{\"type\": \"TAMPER_DETECTED\", " + until + "}")).path("silenceId").asText();

        JsonNode seen = json(asManager("GET", "/api/silences", null));
        assertThat(seen.path("total").asInt()).isEqualTo(1);
        assertThat(seen.path("items").get(0).path("silenceId").asText()).isEqualTo(json(terminal).path("silenceId").asText());
        assertThat(json(call("GET", "/api/silences", null)).path("total").asInt()).isEqualTo(3);
        for (String hidden : List.of(usSilence, everywhere)) {
            assertThat(asManager("GET", "/api/silences/" + hidden, null).statusCode()).isEqualTo(404);
            assertThat(asManager("DELETE", "/api/silences/" + hidden, null).statusCode()).isEqualTo(404);
        }
        assertThat(producer.history()).hasSize(3);
    }
}
