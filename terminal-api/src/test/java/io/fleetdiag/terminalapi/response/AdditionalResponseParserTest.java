package io.fleetdiag.terminalapi.response;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.schemas.AdditionalResponse;
import io.fleetdiag.schemas.AttestationResult;
import io.fleetdiag.schemas.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AdditionalResponseParserTest {

    private static final String BATTERY = "batteryLevel=100%25&firmwareVersion=adyen_v1_69p4&networkProfile="
            + "WyB7ICJBZGRyZXNzIjogIjE5Mi4xNjguMi4yIiwgIklmYWNlIjogIndsYW4wIiB9IF0%3d&merchantAccount=ADYEN_MERCHANT_ACCOUNT"
            + "&unconfirmedBatchCount=0&terminalId=V400m-346403161&storeId=YOUR_STORE";
    private static final String P2PE = "p2peOpenProtocolVersion=2.0.0&firmwareVersion=adyen_v1_69p4&networkProfile="
            + "WyB7ICJBZGRyZXNzIjogIjE3Mi4xNy4xMjUuMzAiLCAiSWZhY2UiOiAiZXRoMCIgfSBd&p2peSREDVersion=11.0.2.110"
            + "&merchantAccount=ADYEN_MERCHANT_ACCOUNT&p2peVaultVersion=10.0.4.13405&unconfirmedBatchCount=0"
            + "&p2peAppManagerVersion=14.0.13.13414&p2peFirmwareVersion=1.1.1&terminalId=P400Plus-275426191&storeId=YOUR_STORE";
    private static final String MOBILE = "storeAndForwardStatus=eyJhY3RpdmUiOmZhbHNlLCJhdmFpbGFibGUiOnRydWUsImV4cGlyZXNBdCI6"
            + "IjIwMjUtMDQtMDlUMTI6NTc6MDIuMDAwWiJ9&sdkExpiry=2025-09-03T00:00:00.000Z&attestationStatus=eyJzdGF0dXMiOiJ2YWxpZCJ9"
            + "&asyncCaptureStatus=Success&terminalId=AC2ABBE8-EDD8-4E2B-AF45-8770FA2347DC.924&unconfirmedBatchCount=0";

    @Test
    void theBatteryPoweredExampleParsesToTheDocumentedValues() {
        AdditionalResponse parsed = AdditionalResponseParser.parse(BATTERY);

        assertThat(parsed.getBatteryLevel()).isEqualTo(100);
        assertThat(parsed.getFirmwareVersion()).isEqualTo("adyen_v1_69p4");
        assertThat(parsed.getNetworkProfile()).singleElement().satisfies(network -> {
            assertThat(network.getAddress()).isEqualTo("192.168.2.2");
            assertThat(network.getIface()).isEqualTo("wlan0");
        });
        assertThat(parsed.getMerchantAccount()).isEqualTo("ADYEN_MERCHANT_ACCOUNT");
        assertThat(parsed.getUnconfirmedBatchCount()).isZero();
        assertThat(parsed.getTerminalId()).isEqualTo("V400m-346403161");
        assertThat(parsed.getStoreId()).isEqualTo("YOUR_STORE");
        assertThat(parsed.getOtherEntries()).isEmpty();
        assertThat(parsed.getParseProblems()).isEmpty();
    }

    @Test
    void theP2peExampleParsesEveryVersion() {
        AdditionalResponse parsed = AdditionalResponseParser.parse(P2PE);

        assertThat(parsed.getBatteryLevel()).isNull();
        assertThat(parsed.getP2peOpenProtocolVersion()).isEqualTo("2.0.0");
        assertThat(parsed.getP2peSREDVersion()).isEqualTo("11.0.2.110");
        assertThat(parsed.getP2peVaultVersion()).isEqualTo("10.0.4.13405");
        assertThat(parsed.getP2peAppManagerVersion()).isEqualTo("14.0.13.13414");
        assertThat(parsed.getP2peFirmwareVersion()).isEqualTo("1.1.1");
        assertThat(parsed.getNetworkProfile()).extracting(NetworkInterface::getAddress, NetworkInterface::getIface)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("172.17.125.30", "eth0"));
        assertThat(AdditionalResponseParser.parse("p2peFirmwareVersionNumber=2.2.2").getP2peFirmwareVersion()).isEqualTo("2.2.2");
    }

    @Test
    void theMobileExampleDecodesTheBase64UrlObjects() {
        AdditionalResponse parsed = AdditionalResponseParser.parse(MOBILE);

        assertThat(parsed.getStoreAndForwardStatus().getActive()).isFalse();
        assertThat(parsed.getStoreAndForwardStatus().getAvailable()).isTrue();
        assertThat(parsed.getStoreAndForwardStatus().getExpiresAt()).isEqualTo(Instant.parse("2025-04-09T12:57:02Z"));
        assertThat(parsed.getSdkExpiry()).isEqualTo(Instant.parse("2025-09-03T00:00:00Z"));
        assertThat(parsed.getAttestationStatus().getStatus()).isEqualTo(AttestationResult.VALID);
        assertThat(parsed.getAttestationStatus().getStatusValue()).isEqualTo("valid");
        assertThat(parsed.getAsyncCaptureStatus()).isEqualTo("Success");
        assertThat(parsed.getTerminalId()).isEqualTo("AC2ABBE8-EDD8-4E2B-AF45-8770FA2347DC.924");
        assertThat(parsed.getParseProblems()).isEmpty();
    }

    @Test
    void resolvableIssuesAndForwardAttemptsDecode() {
        String attestation = base64Url("{\"status\":\"Rejected\",\"selfResolvableIssues\":true,\"resolvableIssues\":"
                + "[{\"name\":\"Developer options\",\"message\":\"Turn off developer options.\"}]}");
        String saf = base64Url("{\"active\":true,\"available\":true,\"expiresAt\":\"2026-11-24T08:00:00.000Z\","
                + "\"forwardAttemptStatus\":\"Connectivity failure\"}");

        AdditionalResponse parsed = AdditionalResponseParser.parse("attestationStatus=" + attestation + "&storeAndForwardStatus=" + saf);

        assertThat(parsed.getAttestationStatus().getStatus()).isEqualTo(AttestationResult.REJECTED);
        assertThat(parsed.getAttestationStatus().getSelfResolvableIssues()).isTrue();
        assertThat(parsed.getAttestationStatus().getResolvableIssues()).singleElement()
                .satisfies(issue -> assertThat(issue.getMessage()).isEqualTo("Turn off developer options."));
        assertThat(parsed.getStoreAndForwardStatus().getForwardAttemptStatus()).isEqualTo("Connectivity failure");
        assertThat(parsed.getStoreAndForwardStatus().getActive()).isTrue();
    }

    @Test
    void badValuesAreRecordedProblemsAndUnknownKeysAreKept() {
        AdditionalResponse parsed = AdditionalResponseParser.parse(
                "batteryLevel=full&unconfirmedBatchCount=-2&networkProfile=not*base64!&sdkExpiry=tomorrow"
                        + "&attestationStatus=" + base64Url("[1,2]") + "&message=TX_IN_PROGRESS&newKey=a%20b&broken=%zz");

        assertThat(parsed.getBatteryLevel()).isNull();
        assertThat(parsed.getUnconfirmedBatchCount()).isNull();
        assertThat(parsed.getNetworkProfile()).isEmpty();
        assertThat(parsed.getSdkExpiry()).isNull();
        assertThat(parsed.getAttestationStatus()).isNull();
        assertThat(parsed.getOtherEntries()).containsEntry("message", "TX_IN_PROGRESS").containsEntry("newKey", "a b")
                .containsEntry("broken", "%zz");
        assertThat(parsed.getParseProblems()).hasSize(6).anyMatch(p -> p.startsWith("batteryLevel"))
                .anyMatch(p -> p.startsWith("networkProfile")).anyMatch(p -> p.startsWith("sdkExpiry"))
                .anyMatch(p -> p.contains("bad URL encoding"));
    }

    @Test
    void anEmptyStringIsAnEmptyResponse() {
        AdditionalResponse parsed = AdditionalResponseParser.parse("");

        assertThat(parsed.getBatteryLevel()).isNull();
        assertThat(parsed.getParseProblems()).isEmpty();
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
