package io.fleetdiag.processor;

import static io.fleetdiag.processor.ProcessorDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.schemas.CheckReason;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import io.fleetdiag.schemas.DiagnosisResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The checks the processor asks for Mobile SDK installations (docs/alerts-escalation.md). */
class MobileFollowUpTest {

    private static final String IOS = "AC2ABBE8-EDD8-4E2B-AF45-8770FA2347DC.924";
    private static final String ANDROID = "5F0E3A61-94C2-4B7E-9D21-0A8B7C6D5E4F.311";
    private static final String TERMINAL = "V400m-346403161";

    private final ProcessorDriver driver = new ProcessorDriver();

    @AfterEach
    void close() {
        driver.close();
    }

    private static DiagnosisResult hostResult(String poiid, Instant at, CheckReason reason, int unconfirmed, String asyncCapture) {
        return Fixtures.success(poiid, at, p -> {
            p.battery = null;
            p.hostReachable(true);
            p.reason = reason;
            p.unconfirmed = unconfirmed;
            p.asyncCapture = asyncCapture;
            p.sdkExpiry = T0.plus(Duration.ofDays(200));
        });
    }

    @Test
    void anIosHostDiagnosisThatStillShowsABatchGetsExactlyOneFollowUpAfterTheCaptureRetryWait() {
        DiagnosisResult scheduled = hostResult(IOS, T0, CheckReason.SCHEDULED, 3, "Success");
        driver.result(scheduled);

        assertThat(driver.checks()).singleElement().satisfies(check -> {
            assertThat(check.getReason()).isEqualTo(CheckReason.HOST_FOLLOWUP);
            assertThat(check.getHostDiagnosis()).isTrue();
            assertThat(check.getNotBefore()).isEqualTo(T0.plus(Duration.ofMinutes(3)));
            assertThat(check.getRequestedAt()).isEqualTo(T0);
            assertThat(check.getTriggeredBy()).isEqualTo(scheduled.getRequestId());
        });

        driver.result(hostResult(IOS, T0.plus(Duration.ofMinutes(3)).plusSeconds(1), CheckReason.HOST_FOLLOWUP, 2, "Success"));
        assertThat(driver.checks()).as("the follow-up's own result does not ask again").hasSize(1);

        driver.result(hostResult(IOS, T0.plus(Duration.ofMinutes(15)), CheckReason.SCHEDULED, 2, "Success"));
        assertThat(driver.checks()).as("the next scheduled host diagnosis that still shows a batch gets its own").hasSize(2)
                .last().satisfies(check -> assertThat(check.getNotBefore()).isEqualTo(T0.plus(Duration.ofMinutes(18))));
    }

    @Test
    void theWaitIsASetting() {
        try (ProcessorDriver quick = new ProcessorDriver(ProcessorDriver.settings(Map.of("processor.ios-capture-wait", "10s")))) {
            quick.result(hostResult(IOS, T0, CheckReason.SCHEDULED, 1, "Success"));

            assertThat(quick.checks()).singleElement()
                    .satisfies(check -> assertThat(check.getNotBefore()).isEqualTo(T0.plusSeconds(10)));
        }
    }

    @Test
    void noFollowUpForAnIosBatchThatWasForwardedNorForAndroidWhoseHostDiagnosisForwardsAtOnce() {
        driver.result(hostResult(IOS, T0, CheckReason.SCHEDULED, 0, "Success"));
        driver.result(hostResult(ANDROID, T0, CheckReason.SCHEDULED, 4, null));

        assertThat(driver.checks()).isEmpty();
    }

    @Test
    void aTerminalsFirstStepStillAsksForAnImmediateHostDiagnosis() {
        driver.result(Fixtures.success(TERMINAL, T0, p -> p.unconfirmed = 2));

        assertThat(driver.checks()).singleElement().satisfies(check -> {
            assertThat(check.getHostDiagnosis()).isTrue();
            assertThat(check.getNotBefore()).isNull();
        });
    }

    @Test
    void aReconnectedCheckOfAnInstallationAsksForHostDiagnosisAndOneOfATerminalDoesNot() {
        List<String> fleet = List.of(IOS, TERMINAL);
        driver.snapshot(Fixtures.snapshot(Fixtures.MERCHANT, null, T0, 1, fleet));
        driver.snapshot(Fixtures.snapshot(Fixtures.MERCHANT, null, T0.plusSeconds(30), 1, List.of()));
        driver.snapshot(Fixtures.snapshot(Fixtures.MERCHANT, null, T0.plusSeconds(60), 1, List.of()));
        driver.snapshot(Fixtures.snapshot(Fixtures.MERCHANT, null, T0.plusSeconds(90), 1, fleet));

        List<DiagnosisCheckRequest> reconnected = driver.checks().stream()
                .filter(check -> check.getReason() == CheckReason.RECONNECTED).toList();
        assertThat(reconnected).extracting(DiagnosisCheckRequest::getPoiid).containsExactlyInAnyOrder(IOS, TERMINAL);
        assertThat(reconnected).allSatisfy(check ->
                assertThat(check.getHostDiagnosis()).isEqualTo(check.getPoiid().equals(IOS)));
    }
}
