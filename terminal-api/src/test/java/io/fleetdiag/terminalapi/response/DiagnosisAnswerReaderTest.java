package io.fleetdiag.terminalapi.response;

import static io.fleetdiag.testsupport.ReferenceExamples.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.schemas.GlobalStatus;
import io.fleetdiag.schemas.PrinterStatus;
import io.fleetdiag.terminalapi.CallOutcome;
import io.fleetdiag.terminalapi.DiagnosisAnswer;
import io.fleetdiag.testsupport.ReferenceExamples;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiagnosisAnswerReaderTest {

    private static DiagnosisAnswer read200(String body) {
        return DiagnosisAnswerReader.read(200, body, null, null);
    }

    private static String failure(String errorCondition, String message) {
        return """
                {"SaleToPOIResponse":{"DiagnosisResponse":{"Response":{"Result":"Failure","ErrorCondition":"%s",
                "AdditionalResponse":"message=%s"}},"MessageHeader":{"ServiceID":"1"}}}""".formatted(errorCondition, message);
    }

    @Test
    void theBatteryExampleIsASuccessWithItsPoiStatus() {
        DiagnosisAnswer answer = read200(read(ReferenceExamples.DIAGNOSIS_RESPONSE_BATTERY));

        assertThat(answer.outcome()).isEqualTo(CallOutcome.SUCCESS);
        assertThat(answer.result()).isEqualTo("Success");
        assertThat(answer.message()).isNull();
        assertThat(answer.poiStatus().getGlobalStatus()).isEqualTo(GlobalStatus.OK);
        assertThat(answer.poiStatus().getCommunicationOk()).isTrue();
        assertThat(answer.poiStatus().getPrinterStatus()).isEqualTo(PrinterStatus.OK);
        assertThat(answer.additionalResponse().getBatteryLevel()).isEqualTo(100);
        assertThat(answer.additionalResponseRaw()).startsWith("batteryLevel=100%25");
        assertThat(answer.hostStatuses()).isEmpty();
    }

    @Test
    void theP2peExampleHasNoPrinterStatus() {
        DiagnosisAnswer answer = read200(read(ReferenceExamples.DIAGNOSIS_RESPONSE_P2PE));

        assertThat(answer.outcome()).isEqualTo(CallOutcome.SUCCESS);
        assertThat(answer.poiStatus().getPrinterStatus()).isNull();
        assertThat(answer.additionalResponse().getP2peFirmwareVersion()).isEqualTo("1.1.1");
    }

    @Test
    void theHostExampleReportsTheHostReachable() {
        DiagnosisAnswer answer = read200(read(ReferenceExamples.DIAGNOSIS_RESPONSE_HOST_REACHED));

        assertThat(answer.hostStatuses()).singleElement().satisfies(host -> {
            assertThat(host.getReachable()).isTrue();
            assertThat(host.getAcquirerId()).isEqualTo("0");
        });
        assertThat(answer.additionalResponse().getFirmwareVersion()).isEqualTo("adyen_v1_49p5");
    }

    @Test
    void theMobileExampleCarriesTheMobileKeys() {
        DiagnosisAnswer answer = DiagnosisAnswerReader.read(200, read(ReferenceExamples.DIAGNOSIS_RESPONSE_MOBILE), null,
                "YOUR_UNIQUE_REQUEST_ID");

        assertThat(answer.outcome()).isEqualTo(CallOutcome.SUCCESS);
        assertThat(answer.additionalResponse().getStoreAndForwardStatus().getAvailable()).isTrue();
        assertThat(answer.hostStatuses()).hasSize(1);
    }

    @Test
    void theBusyExampleMeansRetryLater() {
        DiagnosisAnswer answer = read200(read(ReferenceExamples.DIAGNOSIS_RESPONSE_BUSY));

        assertThat(answer.outcome()).isEqualTo(CallOutcome.RETRY_LATER);
        assertThat(answer.result()).isEqualTo("Failure");
        assertThat(answer.errorCondition()).isEqualTo("Busy");
        assertThat(answer.message()).isEqualTo("Busy: TX_IN_PROGRESS");
    }

    @ParameterizedTest
    @CsvSource({
            "Busy, RETRY_LATER", "InProgress, RETRY_LATER", "NotAllowed, RETRY_LATER",
            "UnreachableHost, TERMINAL_UNREACHABLE", "MessageFormat, REJECTED", "Refusal, REJECTED",
            "SomethingNew, REJECTED"})
    void errorConditionsAreClassified(String errorCondition, CallOutcome expected) {
        DiagnosisAnswer answer = read200(failure(errorCondition, "x"));

        assertThat(answer.outcome()).isEqualTo(expected);
        assertThat(answer.errorCondition()).isEqualTo(errorCondition);
    }

    @Test
    void anEventNotificationRejectForAnAbsentTerminalMeansUnreachable() {
        String body = """
                {"SaleToPOIRequest":{"EventNotification":{"EventToNotify":"Reject",
                "EventDetails":"message=Did+not+receive+a+response+from+the+POI."},"MessageHeader":{}}}""";

        DiagnosisAnswer answer = read200(body);

        assertThat(answer.outcome()).isEqualTo(CallOutcome.TERMINAL_UNREACHABLE);
        assertThat(answer.eventToNotify()).isEqualTo("Reject");
        assertThat(answer.message()).isEqualTo("EventNotification Reject: Did not receive a response from the POI.");
    }

    @Test
    void anyOtherRejectIsRejected() {
        DiagnosisAnswer answer = read200("""
                {"SaleToPOIRequest":{"EventNotification":{"EventToNotify":"Reject","EventDetails":"message=Invalid+JSON"}}}""");

        assertThat(answer.outcome()).isEqualTo(CallOutcome.REJECTED);
        assertThat(answer.message()).contains("Invalid JSON");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<html>502</html>|body is not JSON",
            "[1,2]|not a JSON object",
            "{\"SaleToPOIResponse\":{\"DiagnosisResp|body is not JSON",
            "{\"Other\":{}}|neither SaleToPOIResponse nor SaleToPOIRequest",
            "{\"SaleToPOIResponse\":{\"MessageHeader\":{}}}|without DiagnosisResponse",
            "{\"SaleToPOIResponse\":{\"DiagnosisResponse\":{}}}|without Response",
            "{\"SaleToPOIResponse\":{\"DiagnosisResponse\":{\"Response\":{}}}}|without Result",
            "{\"SaleToPOIResponse\":{\"DiagnosisResponse\":{\"Response\":{\"Result\":\"Maybe\"}}}}|unknown Result 'Maybe'",
            "{\"SaleToPOIRequest\":{}}|without EventNotification"})
    void answersThatAreNotTheDocumentedJsonAreMalformed(String body, String reason) {
        DiagnosisAnswer answer = read200(body);

        assertThat(answer.outcome()).isEqualTo(CallOutcome.MALFORMED);
        assertThat(answer.message()).contains(reason);
    }

    @Test
    void theHostExampleAnsweringAnotherServiceIdIsClassifiedByItsContentWithTheMismatchKept() {
        // The reference sends ServiceID 282 for the host diagnosis and shows an answer carrying 040.
        DiagnosisAnswer answer = DiagnosisAnswerReader.read(200, read(ReferenceExamples.DIAGNOSIS_RESPONSE_HOST_REACHED), null, "282");

        assertThat(answer.outcome()).isEqualTo(CallOutcome.SUCCESS);
        assertThat(answer.answeredServiceId()).isEqualTo("040");
        assertThat(answer.hostStatuses()).singleElement().satisfies(host -> assertThat(host.getReachable()).isTrue());
    }

    @Test
    void aMatchingServiceIdRecordsNoMismatch() {
        DiagnosisAnswer answer = DiagnosisAnswerReader.read(200, read(ReferenceExamples.DIAGNOSIS_RESPONSE_BATTERY), null, "040");

        assertThat(answer.outcome()).isEqualTo(CallOutcome.SUCCESS);
        assertThat(answer.answeredServiceId()).isNull();
    }

    @Test
    void aBusyAnswerForAnotherServiceIdIsStillRetryLater() {
        DiagnosisAnswer answer = DiagnosisAnswerReader.read(200, failure("Busy", "TX_IN_PROGRESS"), null, "77");

        assertThat(answer.outcome()).isEqualTo(CallOutcome.RETRY_LATER);
        assertThat(answer.answeredServiceId()).isEqualTo("1");
    }

    @ParameterizedTest
    @CsvSource({"PaymentResponse, Busy", "PaymentResponse, InProgress", "ReversalResponse, Busy", "InputResponse, InProgress"})
    void busyOrInProgressInsideAnyResponseEnvelopeIsRetryLater(String envelope, String errorCondition) {
        String body = """
                {"SaleToPOIResponse":{"MessageHeader":{"ServiceID":"9"},"%s":{"Response":{"Result":"Failure",
                "ErrorCondition":"%s","AdditionalResponse":"message=TX_IN_PROGRESS"}}}}""".formatted(envelope, errorCondition);

        DiagnosisAnswer answer = DiagnosisAnswerReader.read(200, body, null, "9");

        assertThat(answer.outcome()).isEqualTo(CallOutcome.RETRY_LATER);
        assertThat(answer.errorCondition()).isEqualTo(errorCondition);
        assertThat(answer.message()).isEqualTo(errorCondition + " in " + envelope + ": TX_IN_PROGRESS");
        assertThat(answer.answeredServiceId()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"SaleToPOIResponse\":{\"PaymentResponse\":{\"Response\":{\"Result\":\"Success\"}}}}|with PaymentResponse instead of DiagnosisResponse",
            "{\"SaleToPOIResponse\":{\"PaymentResponse\":{\"Response\":{\"Result\":\"Failure\",\"ErrorCondition\":\"Refusal\"}}}}|with PaymentResponse instead",
            "{\"SaleToPOIResponse\":{\"PaymentResponse\":{}}}|without DiagnosisResponse"})
    void anyOtherResponseEnvelopeIsMalformed(String body, String reason) {
        DiagnosisAnswer answer = read200(body);

        assertThat(answer.outcome()).isEqualTo(CallOutcome.MALFORMED);
        assertThat(answer.message()).contains(reason);
    }

    @Test
    void unknownEnumValuesAreKeptAsData() {
        DiagnosisAnswer answer = read200(read(ReferenceExamples.DIAGNOSIS_RESPONSE_BATTERY)
                .replace("\"GlobalStatus\": \"OK\"", "\"GlobalStatus\": \"Degraded\"")
                .replace("\"PrinterStatus\": \"OK\"", "\"PrinterStatus\": \"Smudged\""));

        assertThat(answer.outcome()).isEqualTo(CallOutcome.SUCCESS);
        assertThat(answer.poiStatus().getGlobalStatus()).isEqualTo(GlobalStatus.UNKNOWN);
        assertThat(answer.poiStatus().getGlobalStatusValue()).isEqualTo("Degraded");
        assertThat(answer.poiStatus().getPrinterStatus()).isEqualTo(PrinterStatus.UNKNOWN);
        assertThat(answer.poiStatus().getPrinterStatusValue()).isEqualTo("Smudged");
    }

    @ParameterizedTest
    @CsvSource({"401, UNAUTHORIZED", "403, UNAUTHORIZED", "429, RETRY_LATER", "500, RETRY_LATER", "503, RETRY_LATER",
            "408, RETRY_LATER", "400, REJECTED", "404, REJECTED"})
    void httpStatusesAreClassified(int status, CallOutcome expected) {
        DiagnosisAnswer answer = DiagnosisAnswerReader.read(status, "{\"status\":" + status + "}", Duration.ofSeconds(3), "1");

        assertThat(answer.outcome()).isEqualTo(expected);
        assertThat(answer.httpStatus()).isEqualTo(status);
        assertThat(answer.message()).startsWith("HTTP " + status);
        assertThat(answer.retryAfterHint()).hasValue(Duration.ofSeconds(3));
    }
}
