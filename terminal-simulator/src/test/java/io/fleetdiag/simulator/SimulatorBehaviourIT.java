package io.fleetdiag.simulator;

import static io.fleetdiag.simulator.SimulatorHttp.diagnosis;
import static io.fleetdiag.simulator.SimulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdiag.simulator.api.LatencyModel;
import io.fleetdiag.simulator.fleet.ConditionChange;
import io.fleetdiag.simulator.fleet.Terminal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator over real HTTP: auth, terminal conditions, one request per terminal, faults, admin API, both flavours. */
class SimulatorBehaviourIT {

    private static final String KEY = "behaviour-key";
    private final AtomicInteger serviceIds = new AtomicInteger();
    private TerminalSimulator simulator;
    private SimulatorHttp http;
    private SimulatorHttp admin;

    @BeforeEach
    void start() throws Exception {
        simulator = TerminalSimulator.start(SimulatorConfig.defaults(KEY).withTerminals(300).withReferenceTerminals(false));
        http = new SimulatorHttp(simulator.baseUrl(), KEY);
        admin = new SimulatorHttp(simulator.baseUrl(), null);
    }

    @AfterEach
    void stop() throws Exception {
        simulator.close();
    }

    private Terminal any(String modelLabel) {
        return simulator.fleet().terminals().stream().filter(t -> t.model().label().equals(modelLabel)).findFirst().orElseThrow();
    }

    private JsonNode diagnose(String poiid) {
        HttpResponse<String> response = http.post("/sync", diagnosis(poiid, "S" + serviceIds.incrementAndGet(), false));
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response);
    }

    @Test
    void aWrongOrMissingApiKeyIs401OnEveryAdyenPath() {
        SimulatorHttp wrong = new SimulatorHttp(simulator.baseUrl(), "not-the-key");
        String merchant = simulator.fleet().terminals().get(0).merchantAccount();

        assertThat(wrong.post("/connectedTerminals", "{\"merchantAccount\":\"" + merchant + "\"}").statusCode()).isEqualTo(401);
        assertThat(wrong.post("/sync", diagnosis("V400m-1", "1", false)).statusCode()).isEqualTo(401);
        assertThat(admin.get("/v1/merchants/" + merchant + "/connectedDevices").statusCode()).isEqualTo(401);
        assertThat(json(wrong.get("/v1/merchants/" + merchant + "/connectedDevices")).path("status").asInt()).isEqualTo(401);
        assertThat(simulator.stats().total("diagnosis")).isZero();
    }

    @Test
    void connectedTerminalsListsTheLiveTerminalsOfAScope() {
        Terminal terminal = any("V400m");
        List<Terminal> store = simulator.fleet().ofStore(terminal.merchantAccount(), terminal.store());
        simulator.set(terminal.poiid(), ConditionChange.of(Map.of("online", false)));

        JsonNode ofStore = json(http.post("/connectedTerminals",
                "{\"merchantAccount\":\"" + terminal.merchantAccount() + "\",\"store\":\"" + terminal.store() + "\"}"));
        JsonNode ofDeviceApi = json(http.get("/v1/merchants/" + terminal.merchantAccount() + "/connectedDevices?store=" + terminal.store()));
        JsonNode unknown = json(http.post("/connectedTerminals", "{\"merchantAccount\":\"NoSuchMerchant\"}"));

        assertThat(ofStore.path("uniqueTerminalIds")).hasSize(store.size() - 1);
        assertThat(ofStore.path("uniqueTerminalIds").toString()).doesNotContain(terminal.poiid());
        assertThat(ofDeviceApi.path("uniqueDeviceIds")).isEqualTo(ofStore.path("uniqueTerminalIds"));
        assertThat(unknown.path("uniqueTerminalIds")).isEmpty();
        assertThat(http.post("/connectedTerminals", "{}").statusCode()).isEqualTo(400);
        assertThat(json(http.get("/v1/merchants/" + terminal.merchantAccount() + "/devices/" + terminal.poiid() + "/status"))
                .path("status").asText()).isEqualTo("OFFLINE");
    }

    @Test
    void withWebSocketsDisabledAMerchantAccountGetsAnEmptyListUntilTheyAreOnAgain() {
        Terminal terminal = any("V400m");
        String merchant = "{\"merchantAccount\":\"" + terminal.merchantAccount() + "\"}";
        assertThat(json(http.post("/connectedTerminals", merchant)).path("uniqueTerminalIds")).isNotEmpty();

        JsonNode disabled = json(http.post("/admin/websockets", "{\"merchantAccount\":\"" + terminal.merchantAccount() + "\",\"enabled\":false}"));
        assertThat(disabled.path("disabled").toString()).contains(terminal.merchantAccount());
        assertThat(json(http.post("/connectedTerminals", merchant)).path("uniqueTerminalIds")).isEmpty();
        assertThat(json(http.get("/v1/merchants/" + terminal.merchantAccount() + "/connectedDevices")).path("uniqueDeviceIds")).isEmpty();
        assertThat(http.post("/admin/websockets", "{\"merchantAccount\":\"x\"}").statusCode()).isEqualTo(400);

        http.post("/admin/websockets", "{\"merchantAccount\":\"" + terminal.merchantAccount() + "\",\"enabled\":true}");
        assertThat(json(http.post("/connectedTerminals", merchant)).path("uniqueTerminalIds")).isNotEmpty();
    }

    @Test
    void diagnosisAnswersFollowTheTerminalCondition() {
        Terminal v400m = any("V400m");
        simulator.set(v400m.poiid(), ConditionChange.of(Map.of("battery", 12, "paper", "NoPaper", "unconfirmed", 3)));
        String additional = diagnose(v400m.poiid()).path("SaleToPOIResponse").path("DiagnosisResponse").path("Response")
                .path("AdditionalResponse").asText();
        assertThat(additional).contains("batteryLevel=12%25", "unconfirmedBatchCount=3");
        assertThat(diagnose(v400m.poiid()).path("SaleToPOIResponse").path("DiagnosisResponse").path("POIStatus")
                .path("PrinterStatus").asText()).isEqualTo("NoPaper");

        simulator.set(v400m.poiid(), ConditionChange.of(Map.of("busy", true)));
        JsonNode busy = diagnose(v400m.poiid()).path("SaleToPOIResponse").path("DiagnosisResponse").path("Response");
        assertThat(busy.path("Result").asText()).isEqualTo("Failure");
        assertThat(busy.path("ErrorCondition").asText()).isEqualTo("Busy");
        assertThat(busy.path("AdditionalResponse").asText()).isEqualTo("message=TX_IN_PROGRESS");

        simulator.set(v400m.poiid(), ConditionChange.of(Map.of("busy", false, "busyCalls", 1)));
        assertThat(diagnose(v400m.poiid()).path("SaleToPOIResponse").path("DiagnosisResponse").path("Response")
                .path("ErrorCondition").asText()).as("the first call after busyCalls=1").isEqualTo("Busy");
        assertThat(diagnose(v400m.poiid()).path("SaleToPOIResponse").path("DiagnosisResponse").path("Response")
                .path("Result").asText()).as("the call after it").isEqualTo("Success");

        simulator.set(v400m.poiid(), ConditionChange.of(Map.of("online", false)));
        JsonNode offline = diagnose(v400m.poiid()).path("SaleToPOIRequest").path("EventNotification");
        assertThat(offline.path("EventToNotify").asText()).isEqualTo("Reject");
        assertThat(offline.path("EventDetails").asText()).isEqualTo("message=Did+not+receive+a+response+from+the+POI.");

        Terminal ux = any("UX410");
        simulator.set(ux.poiid(), ConditionChange.of(Map.of("tamper", true)));
        assertThat(diagnose(ux.poiid()).toString()).contains("tamperStatus=ARS_TRIGGERED");
    }

    @Test
    void aSecondConcurrentRequestToOneTerminalIsBusyAndCountedAsAViolation() {
        simulator.cloud().latency(new LatencyModel(400, 0));
        String poiid = any("P400Plus").poiid();

        CompletableFuture<HttpResponse<String>> first = http.postAsync("/sync", diagnosis(poiid, "A1", false));
        CompletableFuture<HttpResponse<String>> second = http.postAsync("/sync", diagnosis(poiid, "A2", false));
        List<String> results = List.of(json(first.join()), json(second.join())).stream()
                .map(answer -> answer.path("SaleToPOIResponse").path("DiagnosisResponse").path("Response").path("Result").asText())
                .toList();

        assertThat(results).containsExactlyInAnyOrder("Success", "Failure");
        assertThat(simulator.stats().violations()).isEqualTo(1);
        assertThat(simulator.stats().maxInFlightPerTerminal()).isEqualTo(2);
    }

    @Test
    void requestsOutsideTheDocumentedFormatAreRefusedAsAdyenDoes() {
        String poiid = any("MX925").poiid();

        JsonNode notJson = json(http.post("/sync", "{not json"));
        JsonNode payment = json(http.post("/sync", diagnosis(poiid, "P1", false).replace("\"Diagnosis\"", "\"Payment\"")));
        JsonNode badVersion = json(http.post("/sync", diagnosis(poiid, "V1", false).replace("\"3.0\"", "\"2.0\"")));
        JsonNode longServiceId = json(http.post("/sync", diagnosis(poiid, "TOO-LONG-SERVICE-ID", false)));
        diagnose(poiid);
        JsonNode repeated = json(http.post("/sync", diagnosis(poiid, "S" + serviceIds.get(), false)));

        assertThat(notJson.path("SaleToPOIRequest").path("EventNotification").path("EventToNotify").asText()).isEqualTo("Reject");
        assertThat(payment.path("SaleToPOIRequest").path("EventNotification").path("EventDetails").asText()).contains("Payment");
        assertThat(badVersion.path("SaleToPOIResponse").path("DiagnosisResponse").path("Response").path("ErrorCondition").asText())
                .isEqualTo("MessageFormat");
        assertThat(longServiceId.path("SaleToPOIResponse").path("DiagnosisResponse").path("Response").path("Result").asText())
                .isEqualTo("Success");
        assertThat(simulator.stats().serviceIdsOutOfFormat()).isEqualTo(1);
        assertThat(repeated.path("SaleToPOIResponse").path("DiagnosisResponse").path("Response").path("ErrorCondition").asText())
                .isEqualTo("MessageFormat");
        assertThat(simulator.stats().duplicateServiceIds()).isEqualTo(1);
    }

    @Test
    void theDeviceApiSyncPathNeedsTheMerchantAndTheMatchingDevice() {
        Terminal terminal = any("V400m");
        String path = "/v1/merchants/" + terminal.merchantAccount() + "/devices/" + terminal.poiid() + "/sync";

        JsonNode answer = json(http.post(path, diagnosis(terminal.poiid(), "D1", false)));
        HttpResponse<String> mismatch = http.post(path, diagnosis("V400m-000000000", "D2", false));
        JsonNode otherMerchant = json(http.post("/v1/merchants/NoSuchMerchant/devices/" + terminal.poiid() + "/sync",
                diagnosis(terminal.poiid(), "D3", false)));

        assertThat(answer.path("SaleToPOIResponse").path("DiagnosisResponse").path("Response").path("Result").asText()).isEqualTo("Success");
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(otherMerchant.path("SaleToPOIRequest").path("EventNotification").path("EventToNotify").asText()).isEqualTo("Reject");
    }

    @Test
    void theAdminApiSetsConditionsInjectsFaultsAndReports() {
        Terminal terminal = any("V400m");

        HttpResponse<String> set = admin.post("/admin/terminals/" + terminal.poiid(), "{\"battery\":7,\"online\":true}");
        HttpResponse<String> typo = admin.post("/admin/terminals/" + terminal.poiid(), "{\"batery\":7}");
        JsonNode listed = json(admin.get("/admin/terminals?limit=5"));
        admin.post("/admin/faults", "{\"target\":\"sync\",\"rate429\":1.0,\"retryAfterSeconds\":7}");
        HttpResponse<String> throttled = http.post("/sync", diagnosis(terminal.poiid(), "F1", false));
        JsonNode stats = json(admin.get("/admin/stats"));

        assertThat(json(set).path("condition").path("batteryLevel").asInt()).isEqualTo(7);
        assertThat(json(set).path("condition").path("evolving").asBoolean()).isFalse();
        assertThat(typo.statusCode()).isEqualTo(400);
        assertThat(typo.body()).contains("batery");
        assertThat(listed).hasSize(5);
        assertThat(listed.get(0).has("model")).isTrue();
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(stats.path("requests").path("diagnosis").path("http429").asInt()).isEqualTo(1);
        assertThat(stats.path("violations").asInt()).isZero();
    }
}
