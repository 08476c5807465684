package io.fleetdiag.terminalapi.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdiag.terminalapi.DiagnosisCall;
import io.fleetdiag.testsupport.ReferenceExamples;
import org.junit.jupiter.api.Test;

/** The requests fleetdiag sends are the reference examples, field for field. */
class DiagnosisRequestJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theDiagnosisRequestIsTheReferenceExample() throws Exception {
        String sent = DiagnosisRequestJson.of(new DiagnosisCall("V400m-346403161", null, false, "040", "POSSystemID12345"));

        assertThat(JSON.readTree(sent)).isEqualTo(JSON.readTree(ReferenceExamples.read(ReferenceExamples.DIAGNOSIS_REQUEST)));
    }

    @Test
    void theHostDiagnosisRequestIsTheReferenceExample() throws Exception {
        String sent = DiagnosisRequestJson.of(new DiagnosisCall("V400m-346403161", null, true, "282", "POSSystemID12345"));

        assertThat(JSON.readTree(sent)).isEqualTo(JSON.readTree(ReferenceExamples.read(ReferenceExamples.DIAGNOSIS_REQUEST_HOST)));
    }

    @Test
    void theConnectedTerminalsBodiesAreTheReferenceExamples() throws Exception {
        assertThat(JSON.readTree(DiagnosisRequestJson.connectedTerminals("ADYEN_MERCHANT_ACCOUNT", null, null)))
                .isEqualTo(JSON.readTree(ReferenceExamples.read(ReferenceExamples.CONNECTED_REQUEST_MERCHANT)));
        assertThat(JSON.readTree(DiagnosisRequestJson.connectedTerminals("ADYEN_MERCHANT_ACCOUNT", "YOUR_STORE_ID", null)))
                .isEqualTo(JSON.readTree(ReferenceExamples.read(ReferenceExamples.CONNECTED_REQUEST_STORE)));
        assertThat(JSON.readTree(DiagnosisRequestJson.connectedTerminals("ADYEN_MERCHANT_ACCOUNT", null, "V400m-324688178")))
                .isEqualTo(JSON.readTree(ReferenceExamples.read(ReferenceExamples.CONNECTED_REQUEST_TERMINAL)));
    }
}
