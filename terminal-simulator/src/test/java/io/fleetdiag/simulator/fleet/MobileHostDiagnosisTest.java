package io.fleetdiag.simulator.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Mobile SDK connects to Adyen only on a host diagnosis: what it reports follows from that. */
class MobileHostDiagnosisTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final long WAIT = Duration.ofMinutes(3).toMillis();
    private static final String IOS = "AC2ABBE8-EDD8-4E2B-AF45-8770FA2347DC.924";
    private static final String ANDROID = "SDK_INSTALLATION_ID";

    private final Fleet fleet = Fleet.generateWithReferenceTerminals(0, 1, 1, new SdkExpiry.Rates(0), NOW);

    private Terminal set(String poiid, Map<String, ?> fields) {
        Terminal terminal = fleet.terminal(poiid).orElseThrow();
        terminal.apply(ConditionChange.of(fields), NOW.toEpochMilli());
        return terminal;
    }

    @Test
    void attestationForwardingAndCaptureRetryShowOnlyAfterAHostDiagnosis() {
        Terminal ios = set(IOS, Map.of("attestationStatus", "Rejected", "asyncCaptureStatus", "Other Failure",
                "forwardAttemptStatus", "Other failure"));
        long at = NOW.toEpochMilli() + 1_000;

        Condition local = ios.reported(at, false, WAIT);
        assertThat(local.attestation().status()).isEqualTo("valid");
        assertThat(local.asyncCaptureStatus()).isEqualTo("Success");
        assertThat(local.storeAndForward().forwardAttemptStatus()).isNull();

        Condition host = ios.reported(at, true, WAIT);
        assertThat(host.attestation().status()).isEqualTo("Rejected");
        assertThat(host.asyncCaptureStatus()).as("retried on the host diagnosis").isEqualTo("Success");

        assertThat(ios.reported(at + 1_000, false, WAIT).attestation().status()).as("kept from the host diagnosis").isEqualTo("Rejected");
    }

    @Test
    void storedPaymentsAreForwardedOnlyOnAHostDiagnosis() {
        Terminal android = set(ANDROID, Map.of("unconfirmed", 4));
        long at = NOW.toEpochMilli() + 1_000;

        assertThat(android.reported(at, false, WAIT).unconfirmedBatchCount()).isEqualTo(4);
        Condition host = android.reported(at, true, WAIT);
        assertThat(host.unconfirmedBatchCount()).isZero();
        assertThat(host.storeAndForward().forwardAttemptStatus()).isEqualTo("Success");
    }

    @Test
    void iosLeavesPaymentsCompletedWithinTheCaptureRetryWaitForALaterHostDiagnosis() {
        Terminal ios = set(IOS, Map.of("unconfirmed", 3));

        assertThat(ios.reported(NOW.toEpochMilli() + 10_000, true, WAIT).unconfirmedBatchCount()).isEqualTo(3);
        assertThat(ios.reported(NOW.toEpochMilli() + WAIT - 1, true, WAIT).unconfirmedBatchCount()).isEqualTo(3);
        assertThat(ios.reported(NOW.toEpochMilli() + WAIT, true, WAIT).unconfirmedBatchCount()).isZero();
    }

    @Test
    void unreachableHostLeavesTheBatchAndReportsTheFailedForward() {
        Terminal android = set(ANDROID, Map.of("unconfirmed", 2, "hostReachable", false));

        Condition host = android.reported(NOW.toEpochMilli() + 1_000, true, WAIT);
        assertThat(host.unconfirmedBatchCount()).isEqualTo(2);
        assertThat(host.storeAndForward().forwardAttemptStatus()).isEqualTo("Connectivity failure");
    }

    @Test
    void aTerminalReportsItsLiveConditionEitherWay() {
        Terminal v400m = set("V400m-346403161", Map.of("unconfirmed", 2));

        assertThat(v400m.reported(NOW.toEpochMilli(), true, WAIT).unconfirmedBatchCount()).isEqualTo(2);
        assertThat(v400m.reported(NOW.toEpochMilli(), false, WAIT).attestation()).isNull();
    }
}
