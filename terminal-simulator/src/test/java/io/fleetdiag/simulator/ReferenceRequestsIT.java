package io.fleetdiag.simulator;

import static io.fleetdiag.simulator.SimulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdiag.simulator.fleet.ReferenceTerminals;
import io.fleetdiag.testsupport.ReferenceExamples;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every request example of the reference pages, sent as it is, is accepted and answered as documented. */
class ReferenceRequestsIT {

    private static TerminalSimulator simulator;
    private static SimulatorHttp http;

    @BeforeAll
    static void start() throws Exception {
        simulator = TerminalSimulator.start(SimulatorConfig.defaults("reference-key").withTerminals(200));
        http = new SimulatorHttp(simulator.baseUrl(), "reference-key");
    }

    @AfterAll
    static void stop() throws Exception {
        simulator.close();
    }

    @Test
    void theTerminalDiagnosisRequestGetsTheBatteryPoweredTerminalAnswer() {
        HttpResponse<String> response = http.post("/sync", ReferenceExamples.read(ReferenceExamples.DIAGNOSIS_REQUEST));

        JsonNode answer = json(response).path("SaleToPOIResponse");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(answer.path("MessageHeader").path("ServiceID").asText()).isEqualTo("040");
        assertThat(answer.path("MessageHeader").path("MessageType").asText()).isEqualTo("Response");
        JsonNode diagnosis = answer.path("DiagnosisResponse");
        assertThat(diagnosis.path("Response").path("Result").asText()).isEqualTo("Success");
        assertThat(diagnosis.path("POIStatus").path("GlobalStatus").asText()).isEqualTo("OK");
        assertThat(diagnosis.path("POIStatus").path("PrinterStatus").asText()).isEqualTo("OK");
        assertThat(diagnosis.has("HostStatus")).isFalse();
        assertThat(diagnosis.path("Response").path("AdditionalResponse").asText())
                .contains("batteryLevel=100%25", "firmwareVersion=adyen_v1_69p4",
                        "networkProfile=WyB7ICJBZGRyZXNzIjogIjE5Mi4xNjguMi4yIiwgIklmYWNlIjogIndsYW4wIiB9IF0%3D",
                        "merchantAccount=ADYEN_MERCHANT_ACCOUNT", "unconfirmedBatchCount=0",
                        "terminalId=V400m-346403161", "storeId=YOUR_STORE");
    }

    @Test
    void theHostDiagnosisRequestGetsHostStatus() {
        JsonNode diagnosis = json(http.post("/sync", ReferenceExamples.read(ReferenceExamples.DIAGNOSIS_REQUEST_HOST)))
                .path("SaleToPOIResponse").path("DiagnosisResponse");

        assertThat(diagnosis.path("Response").path("Result").asText()).isEqualTo("Success");
        assertThat(diagnosis.path("HostStatus").get(0).path("IsReachableFlag").asBoolean()).isTrue();
        assertThat(diagnosis.path("HostStatus").get(0).path("AcquirerID").asText()).isEqualTo("0");
    }

    @Test
    void theMobileDiagnosisRequestGetsTheMobileKeys() {
        JsonNode answer = json(http.post("/sync", ReferenceExamples.read(ReferenceExamples.DIAGNOSIS_REQUEST_MOBILE)))
                .path("SaleToPOIResponse");

        assertThat(answer.path("MessageHeader").path("ServiceID").asText()).isEqualTo("YOUR_UNIQUE_REQUEST_ID");
        assertThat(answer.path("DiagnosisResponse").path("Response").path("AdditionalResponse").asText())
                .contains("storeAndForwardStatus=", "sdkExpiry=", "attestationStatus=", "terminalId=SDK_INSTALLATION_ID",
                        "unconfirmedBatchCount=0");
        assertThat(answer.path("DiagnosisResponse").path("HostStatus").get(0).path("IsReachableFlag").asBoolean()).isTrue();
    }

    @Test
    void theConnectedTerminalsRequestsGetTheDocumentedTerminals() {
        List<String> ofMerchant = ids(http.post("/connectedTerminals",
                ReferenceExamples.read(ReferenceExamples.CONNECTED_REQUEST_MERCHANT)));
        List<String> ofStore = ids(http.post("/connectedTerminals",
                ReferenceExamples.read(ReferenceExamples.CONNECTED_REQUEST_STORE)));
        List<String> one = ids(http.post("/connectedTerminals",
                ReferenceExamples.read(ReferenceExamples.CONNECTED_REQUEST_TERMINAL)));

        assertThat(ofMerchant).containsAll(ReferenceTerminals.CONNECTED_EXAMPLE).contains("V400m-346403161");
        assertThat(ofStore).isEqualTo(ids(parse(ReferenceExamples.read(ReferenceExamples.CONNECTED_RESPONSE))));
        assertThat(one).containsExactly("V400m-324688178");
    }

    private static List<String> ids(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return ids(json(response));
    }

    private static List<String> ids(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.path("uniqueTerminalIds").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    private static JsonNode parse(String text) {
        try {
            return SimulatorHttp.JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
