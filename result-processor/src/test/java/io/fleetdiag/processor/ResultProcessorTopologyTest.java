package io.fleetdiag.processor;

import static io.fleetdiag.processor.Fixtures.MERCHANT;
import static io.fleetdiag.processor.Fixtures.STORE;
import static io.fleetdiag.processor.ProcessorDriver.T0;
import static io.fleetdiag.processor.ProcessorDriver.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.schemas.ActiveAlert;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.AttestationResult;
import io.fleetdiag.schemas.CheckReason;
import io.fleetdiag.schemas.ConnectivitySnapshot;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import io.fleetdiag.schemas.DiagnosisOutcome;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.schemas.GlobalStatus;
import io.fleetdiag.schemas.Presence;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.StoreHealth;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.schemas.TerminalState;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Every rule on the real topology with TopologyTestDriver: raise, no repeat while it holds, resolve. */
class ResultProcessorTopologyTest {

    private static final String POIID = "V400m-346403161";
    @AutoClose
    private final ProcessorDriver driver = new ProcessorDriver();

    private void poll(int minute, List<String> live) {
        driver.snapshot(Fixtures.snapshot(MERCHANT, null, T0.plus(Duration.ofMinutes(minute)), 1, live));
    }

    @Test
    void aTerminalMissingFromTwoSnapshotsIsOfflineOnceAndComingBackResolvesItAndAsksForACheck() {
        poll(0, List.of(POIID, "P400Plus-1"));
        poll(1, List.of("P400Plus-1"));
        assertThat(driver.alerts()).isEmpty();

        poll(2, List.of("P400Plus-1"));
        poll(3, List.of("P400Plus-1"));
        poll(4, List.of("P400Plus-1"));
        List<TerminalAlert> raised = driver.alerts(AlertType.TERMINAL_OFFLINE, AlertStatus.RAISED);
        assertThat(raised).singleElement().satisfies(alert -> {
            assertThat(alert.getPoiid()).isEqualTo(POIID);
            assertThat(alert.getMerchantAccount()).isEqualTo(MERCHANT);
            assertThat(alert.getSeverity()).isEqualTo(Severity.WARNING);
            assertThat(alert.getRemediation()).contains("WebSockets are enabled").contains("restart it");
            assertThat(alert.getEvidence()).containsEntry("missedSnapshots", "2");
            assertThat(alert.getRaisedAt()).isEqualTo(at(2));
        });
        assertThat(driver.state(POIID).getPresence()).isEqualTo(Presence.OFFLINE);

        poll(5, List.of(POIID, "P400Plus-1"));
        assertThat(driver.alerts(AlertType.TERMINAL_OFFLINE, AlertStatus.RESOLVED)).singleElement()
                .satisfies(alert -> assertThat(alert.getAlertId()).isEqualTo(raised.get(0).getAlertId()));
        assertThat(driver.checks()).singleElement().satisfies(check -> {
            assertThat(check.getReason()).isEqualTo(CheckReason.RECONNECTED);
            assertThat(check.getPoiid()).isEqualTo(POIID);
        });
        assertThat(driver.alerts(AlertType.TERMINAL_OFFLINE, AlertStatus.RAISED)).hasSize(1);
    }

    @Test
    void chunksOfOneSnapshotAreReassembledBeforeAnyoneCountsAsMissing() {
        List<String> fleet = IntStream.range(0, 30).mapToObj(i -> "MX925-" + (100_000_000 + i)).toList();
        poll(0, fleet);
        List<ConnectivitySnapshot> chunks = Fixtures.snapshot(MERCHANT, null, at(1), 3, fleet);

        // a later chunk first: nobody in chunk 0 or 1 may count as missing yet
        driver.snapshot(List.of(chunks.get(2), chunks.get(0)));
        driver.snapshot(List.of(chunks.get(1)));
        poll(2, fleet);
        poll(3, fleet);

        assertThat(driver.alerts()).isEmpty();
        assertThat(fleet).allSatisfy(poiid -> assertThat(driver.state(poiid).getPresence()).isEqualTo(Presence.ONLINE));

        List<ConnectivitySnapshot> missingOne = Fixtures.snapshot(MERCHANT, null, at(4), 3, fleet.subList(1, 30));
        driver.snapshot(missingOne);
        driver.snapshot(Fixtures.snapshot(MERCHANT, null, at(5), 3, fleet.subList(1, 30)));
        assertThat(driver.alerts(AlertType.TERMINAL_OFFLINE, AlertStatus.RAISED)).extracting(TerminalAlert::getPoiid)
                .containsExactly(fleet.get(0));
    }

    @Test
    void batteryLowHasHysteresis() {
        driver.result(Fixtures.success(POIID, at(0), p -> p.battery = 25));
        driver.result(Fixtures.success(POIID, at(1), p -> p.battery = 15));
        driver.result(Fixtures.success(POIID, at(2), p -> p.battery = 10));
        driver.result(Fixtures.success(POIID, at(3), p -> p.battery = 25));
        driver.result(Fixtures.success(POIID, at(4), p -> p.battery = 29));
        assertThat(driver.alerts(AlertType.BATTERY_LOW, AlertStatus.RAISED)).singleElement()
                .satisfies(alert -> assertThat(alert.getEvidence()).containsEntry("batteryLevel", "15"));
        assertThat(driver.alerts(AlertType.BATTERY_LOW, AlertStatus.RESOLVED)).isEmpty();

        driver.result(Fixtures.success(POIID, at(5), p -> p.battery = 30));
        assertThat(driver.alerts(AlertType.BATTERY_LOW, AlertStatus.RESOLVED)).singleElement()
                .satisfies(alert -> assertThat(alert.getEvidence()).containsEntry("batteryLevel", "30"));
        assertThat(driver.state(POIID).getActiveAlerts()).isEmpty();
    }

    @Test
    void tamperPrinterCommunicationAndGlobalStatusRaiseAndResolve() {
        driver.result(Fixtures.success("UX410-1", at(0), p -> p.tamper = "ARS_TRIGGERED"));
        driver.result(Fixtures.success(POIID, at(0), p -> {
            p.noPaper();
            p.communicationOk = false;
            p.globalStatus = GlobalStatus.MAINTENANCE;
            p.globalStatusValue = "Maintenance";
        }));
        driver.result(Fixtures.success(POIID, at(1), p -> p.noPaper()));

        assertThat(driver.alerts(AlertType.TAMPER_DETECTED, AlertStatus.RAISED)).singleElement().satisfies(alert -> {
            assertThat(alert.getSeverity()).isEqualTo(Severity.CRITICAL);
            assertThat(alert.getRemediation()).contains("stop using the terminal immediately");
        });
        assertThat(driver.alerts(AlertType.PRINTER_FAULT, AlertStatus.RAISED)).singleElement()
                .satisfies(alert -> assertThat(alert.getRemediation()).contains("paper roll is missing or the paper is not sticking out"));
        assertThat(driver.alerts(AlertType.COMMUNICATION_FAULT, AlertStatus.RESOLVED)).hasSize(1);
        assertThat(driver.alerts(AlertType.GLOBAL_STATUS_NOT_OK, AlertStatus.RESOLVED)).singleElement()
                .satisfies(alert -> assertThat(alert.getEvidence()).containsEntry("globalStatus", "OK"));

        driver.result(Fixtures.success("UX410-1", at(2), p -> { }));
        driver.result(Fixtures.success(POIID, at(2), p -> { }));
        assertThat(driver.alerts(AlertType.TAMPER_DETECTED, AlertStatus.RESOLVED)).hasSize(1);
        assertThat(driver.alerts(AlertType.PRINTER_FAULT, AlertStatus.RESOLVED)).hasSize(1);
    }

    @Test
    void unconfirmedPaymentsAskForAHostFollowUpWhoseHostStatusRaisesHostUnreachable() {
        DiagnosisResult first = Fixtures.success(POIID, at(0), p -> p.unconfirmed = 3);
        driver.result(first);

        DiagnosisCheckRequest followUp = driver.checks().get(0);
        assertThat(followUp.getReason()).isEqualTo(CheckReason.HOST_FOLLOWUP);
        assertThat(followUp.getHostDiagnosis()).isTrue();
        assertThat(followUp.getTriggeredBy()).isEqualTo(first.getRequestId());
        assertThat(driver.alerts(AlertType.UNCONFIRMED_BATCH, AlertStatus.RAISED)).singleElement()
                .satisfies(alert -> assertThat(alert.getRequestId()).isEqualTo(first.getRequestId()));

        driver.result(Fixtures.success(POIID, at(1), p -> p.hostReachable(false).unconfirmed = 3));
        assertThat(driver.checks()).hasSize(1);
        assertThat(driver.alerts(AlertType.HOST_UNREACHABLE, AlertStatus.RAISED)).singleElement().satisfies(alert -> {
            assertThat(alert.getSeverity()).isEqualTo(Severity.CRITICAL);
            assertThat(alert.getRemediation()).contains("firewall");
            assertThat(alert.getEvidence()).containsEntry("hostStatus", "0=false");
        });

        driver.result(Fixtures.success(POIID, at(15), p -> p.unconfirmed = 0));
        assertThat(driver.alerts(AlertType.HOST_UNREACHABLE, AlertStatus.RESOLVED)).hasSize(1);
        assertThat(driver.alerts(AlertType.UNCONFIRMED_BATCH, AlertStatus.RESOLVED)).hasSize(1);
        assertThat(driver.checks()).hasSize(1);
    }

    @Test
    void repeatedFailuresRaiseDiagnosisFailingUntilASuccess() {
        driver.result(Fixtures.failure(POIID, at(0), DiagnosisOutcome.GAVE_UP, "gave up after 10 attempts; last: Busy"));
        driver.result(Fixtures.failure(POIID, at(1), DiagnosisOutcome.REJECTED, "MessageFormat"));
        assertThat(driver.alerts()).isEmpty();

        driver.result(Fixtures.failure(POIID, at(2), DiagnosisOutcome.MALFORMED, "body is not JSON"));
        driver.result(Fixtures.failure(POIID, at(3), DiagnosisOutcome.GAVE_UP, "deadline"));
        assertThat(driver.alerts(AlertType.DIAGNOSIS_FAILING, AlertStatus.RAISED)).singleElement()
                .satisfies(alert -> assertThat(alert.getEvidence()).containsEntry("consecutiveFailures", "3"));

        driver.result(Fixtures.success(POIID, at(4), p -> { }));
        assertThat(driver.alerts(AlertType.DIAGNOSIS_FAILING, AlertStatus.RESOLVED)).hasSize(1);
        assertThat(driver.state(POIID).getConsecutiveFailures()).isZero();
    }

    @Test
    void anOnlineTerminalWithoutSuccessfulDiagnosisGoesStaleOnTheWallClock() {
        poll(0, List.of(POIID));
        // every check fails (the last one in the second half of the 45 minutes: fleetdiag kept trying)
        driver.result(Fixtures.failure(POIID, at(5), DiagnosisOutcome.TERMINAL_UNREACHABLE, "no answer"));
        driver.result(Fixtures.failure(POIID, at(30), DiagnosisOutcome.TERMINAL_UNREACHABLE, "no answer"));
        driver.advanceWallClock(Duration.ofMinutes(44));
        assertThat(driver.alerts()).isEmpty();

        driver.advanceWallClock(Duration.ofMinutes(2));
        assertThat(driver.alerts(AlertType.STALE_DIAGNOSIS, AlertStatus.RAISED)).singleElement()
                .satisfies(alert -> assertThat(alert.getSummary()).contains("no successful diagnosis since"));
        driver.advanceWallClock(Duration.ofMinutes(30));
        assertThat(driver.alerts(AlertType.STALE_DIAGNOSIS, AlertStatus.RAISED)).hasSize(1);

        driver.result(Fixtures.success(POIID, T0.plus(Duration.ofMinutes(80)), p -> { }));
        assertThat(driver.alerts(AlertType.STALE_DIAGNOSIS, AlertStatus.RESOLVED)).hasSize(1);
    }

    @Test
    void aTerminalFleetdiagDidNotGetToIsNeitherStaleNorFailing() {
        poll(0, List.of(POIID));
        for (int minute = 10; minute <= 40; minute += 10) {
            DiagnosisResult expired = Fixtures.failure(POIID, at(minute), DiagnosisOutcome.GAVE_UP, "deadline passed before the first attempt");
            expired.setAttempts(0);
            driver.result(expired);
        }
        driver.advanceWallClock(Duration.ofHours(2));

        assertThat(driver.alerts()).isEmpty();
        assertThat(driver.state(POIID).getConsecutiveFailures()).isZero();
        assertThat(driver.state(POIID).getLastCheck()).isNull();
    }

    @Test
    void aSuccessPushesStalenessBackAndTheEarlierVisitPublishesNothing() {
        poll(0, List.of(POIID));
        driver.result(Fixtures.success(POIID, at(30), p -> { }));
        driver.result(Fixtures.failure(POIID, at(31), DiagnosisOutcome.TERMINAL_UNREACHABLE, "no answer"));
        driver.result(Fixtures.failure(POIID, at(60), DiagnosisOutcome.TERMINAL_UNREACHABLE, "no answer"));
        int published = driver.states().size();
        assertThat(published).isPositive();

        // the index still says 45 minutes; the success made it 75
        driver.advanceWallClock(Duration.ofMinutes(50));
        assertThat(driver.alerts()).isEmpty();
        assertThat(driver.states()).hasSize(published);

        driver.advanceWallClock(Duration.ofMinutes(20));
        assertThat(driver.alerts()).isEmpty();

        driver.advanceWallClock(Duration.ofMinutes(6));
        assertThat(driver.alerts(AlertType.STALE_DIAGNOSIS, AlertStatus.RAISED)).singleElement()
                .satisfies(alert -> assertThat(alert.getRaisedAt()).isAfterOrEqualTo(at(75)));
        assertThat(driver.states()).hasSize(published + 1).last()
                .satisfies(state -> assertThat(state.getActiveAlerts()).extracting(ActiveAlert::getType).containsExactly(AlertType.STALE_DIAGNOSIS));
    }

    @Test
    void mobileSdkExpiryAndOfflinePaymentsExpiryFireOnTheWallClock() {
        driver.result(Fixtures.success("AC2ABBE8-EDD8-4E2B-AF45-8770FA2347DC.924", T0, p -> {
            p.battery = null;
            p.sdkExpiry = T0.plus(Duration.ofDays(20));
            p.storeAndForward(true, T0.plus(Duration.ofHours(6)), null);
        }));
        assertThat(driver.alerts()).isEmpty();

        driver.advanceWallClock(Duration.ofHours(3));
        assertThat(driver.alerts(AlertType.OFFLINE_PAYMENTS_EXPIRING, AlertStatus.RAISED)).singleElement()
                .satisfies(alert -> assertThat(alert.getRemediation()).contains("Bring the device online"));
        assertThat(driver.alerts(AlertType.MOBILE_SDK_EXPIRING, AlertStatus.RAISED)).isEmpty();

        driver.advanceWallClock(Duration.ofDays(7));
        assertThat(driver.alerts(AlertType.MOBILE_SDK_EXPIRING, AlertStatus.RAISED)).singleElement()
                .satisfies(alert -> assertThat(alert.getSeverity()).isEqualTo(Severity.WARNING));
        assertThat(driver.alerts(AlertType.OFFLINE_PAYMENTS_EXPIRING, AlertStatus.RAISED)).hasSize(1);

        driver.result(Fixtures.success("AC2ABBE8-EDD8-4E2B-AF45-8770FA2347DC.924", T0.plus(Duration.ofDays(8)), p -> {
            p.battery = null;
            p.sdkExpiry = T0.plus(Duration.ofDays(200));
            p.storeAndForward(false, null, "Success");
        }));
        assertThat(driver.alerts(AlertType.MOBILE_SDK_EXPIRING, AlertStatus.RESOLVED)).hasSize(1);
        assertThat(driver.alerts(AlertType.OFFLINE_PAYMENTS_EXPIRING, AlertStatus.RESOLVED)).hasSize(1);
    }

    @Test
    void mobileAttestationForwardingAndCaptureProblemsRaiseAndResolve() {
        String mobile = "AC2ABBE8-EDD8-4E2B-AF45-8770FA2347DC.924";
        driver.result(Fixtures.success(mobile, at(0), p -> {
            p.battery = null;
            p.attestation(AttestationResult.REJECTED, "Rejected", "Turn off developer options.");
            p.storeAndForward(false, null, "Connectivity failure");
            p.asyncCapture = "Other Failure";
        }));

        assertThat(driver.alerts(AlertType.ATTESTATION_PROBLEM, AlertStatus.RAISED)).singleElement().satisfies(alert -> {
            assertThat(alert.getSeverity()).isEqualTo(Severity.CRITICAL);
            assertThat(alert.getRemediation()).contains("Turn off developer options.");
            assertThat(alert.getEvidence().get("resolvableIssues")).contains("Turn off developer options.");
        });
        assertThat(driver.alerts(AlertType.OFFLINE_FORWARD_FAILED, AlertStatus.RAISED)).hasSize(1);
        assertThat(driver.alerts(AlertType.ASYNC_CAPTURE_FAILED, AlertStatus.RAISED)).hasSize(1);

        driver.result(Fixtures.success(mobile, at(1), p -> {
            p.battery = null;
            p.attestation(AttestationResult.VALID, "valid", null);
            p.storeAndForward(false, null, "Success");
            p.asyncCapture = "Success";
        }));
        assertThat(driver.alerts().stream().filter(alert -> alert.getStatus() == AlertStatus.RESOLVED))
                .extracting(TerminalAlert::getType)
                .containsExactlyInAnyOrder(AlertType.ATTESTATION_PROBLEM, AlertType.OFFLINE_FORWARD_FAILED, AlertType.ASYNC_CAPTURE_FAILED);
    }

    @Test
    void storeHealthCountsItsTerminalsAndStoreDegradedHasHysteresis() {
        List<String> store = List.of("V400m-1", "V400m-2", "V400m-3", "V400m-4");
        String scope = MERCHANT + "/" + STORE;
        driver.snapshot(Fixtures.snapshot(scope, STORE, at(0), 1, store));
        StoreHealth healthy = last(driver.storeHealth());
        assertThat(healthy.getTerminalsKnown()).isEqualTo(4);
        assertThat(healthy.getTerminalsOnline()).isEqualTo(4);
        assertThat(healthy.getTerminalsHealthy()).isEqualTo(4);
        assertThat(healthy.getDegraded()).isFalse();

        driver.snapshot(Fixtures.snapshot(scope, STORE, at(1), 1, store.subList(0, 1)));
        driver.snapshot(Fixtures.snapshot(scope, STORE, at(2), 1, store.subList(0, 1)));
        StoreHealth degraded = last(driver.storeHealth());
        assertThat(degraded.getTerminalsOnline()).isEqualTo(1);
        assertThat(degraded.getActiveAlertsByType()).containsEntry("TERMINAL_OFFLINE", 3);
        assertThat(degraded.getDegraded()).isTrue();
        assertThat(driver.alerts(AlertType.STORE_DEGRADED, AlertStatus.RAISED)).singleElement().satisfies(alert -> {
            assertThat(alert.getPoiid()).isNull();
            assertThat(alert.getStore()).isEqualTo(STORE);
            assertThat(alert.getSummary()).contains("only 1 of 4");
        });

        driver.snapshot(Fixtures.snapshot(scope, STORE, at(3), 1, store.subList(0, 2)));
        assertThat(last(driver.storeHealth()).getDegraded()).isTrue();
        assertThat(driver.alerts(AlertType.STORE_DEGRADED, AlertStatus.RESOLVED)).isEmpty();

        driver.snapshot(Fixtures.snapshot(scope, STORE, at(4), 1, store.subList(0, 3)));
        assertThat(last(driver.storeHealth()).getDegraded()).isFalse();
        assertThat(driver.alerts(AlertType.STORE_DEGRADED, AlertStatus.RESOLVED)).hasSize(1);
    }

    @Test
    void aStoreResolvedByALateResultOfAnotherTerminalIsNotResolvedBeforeItWasRaised() {
        List<String> store = List.of("V400m-1", "V400m-2", "V400m-3", "V400m-4");
        driver.snapshot(Fixtures.snapshot(MERCHANT + "/" + STORE, STORE, at(0), 1, store));
        driver.result(Fixtures.success("V400m-1", at(1), p -> p.noPaper()));
        driver.result(Fixtures.success("V400m-2", at(2), p -> p.noPaper()));
        driver.result(Fixtures.success("V400m-3", at(6), p -> p.noPaper()));
        TerminalAlert raised = driver.alerts(AlertType.STORE_DEGRADED, AlertStatus.RAISED).get(0);
        assertThat(raised.getRaisedAt()).isEqualTo(at(6));

        // results completed before the store was degraded, arriving after it: each terminal's own next result
        driver.result(Fixtures.success("V400m-1", at(3), p -> { }));
        driver.result(Fixtures.success("V400m-2", at(4), p -> { }));

        assertThat(driver.alerts(AlertType.STORE_DEGRADED, AlertStatus.RESOLVED)).singleElement().satisfies(resolved -> {
            assertThat(resolved.getAlertId()).isEqualTo(raised.getAlertId());
            assertThat(resolved.getResolvedAt()).isAfterOrEqualTo(resolved.getRaisedAt());
            assertThat(resolved.getEventTime()).isAfterOrEqualTo(raised.getEventTime());
        });
        assertThat(last(driver.storeHealth()).getUpdatedAt()).isAfterOrEqualTo(at(6));
    }

    @Test
    void theSameInputGivesTheSameAlertIds() {
        List<String> ids;
        try (ProcessorDriver again = new ProcessorDriver()) {
            DiagnosisResult low = Fixtures.success(POIID, at(0), p -> p.battery = 5);
            driver.result(low);
            again.result(low);
            ids = again.alerts().stream().map(TerminalAlert::getAlertId).toList();
        }
        assertThat(driver.alerts().stream().map(TerminalAlert::getAlertId).toList()).isEqualTo(ids).hasSize(1);
    }

    @Test
    void theStateKeepsEveryParsedFieldButNotTheRawAdditionalResponseAndIsPublishedAsStored() {
        DiagnosisResult result = DiagnosisResult.newBuilder(Fixtures.success(POIID, at(1), p -> p.battery = 55))
                .setAdditionalResponseRaw("batteryLevel=55%25&merchantAccount=" + Fixtures.MERCHANT).build();
        driver.result(result);

        TerminalState state = driver.state(POIID);
        assertThat(state.getLastSuccess().getAdditionalResponse().getBatteryLevel()).isEqualTo(55);
        assertThat(state.getLastSuccess().getAdditionalResponseRaw()).isNull();
        assertThat(driver.states()).last().isEqualTo(state);
    }

    @Test
    void anOlderResultDoesNotRollTheStateBack() {
        driver.result(Fixtures.success(POIID, at(10), p -> p.battery = 90));
        driver.result(Fixtures.success(POIID, at(5), p -> p.battery = 5));

        assertThat(driver.state(POIID).getLastSuccess().getAdditionalResponse().getBatteryLevel()).isEqualTo(90);
        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void aResultDeliveredTwiceOrAnOlderOneIsNotPublishedAgain() {
        DiagnosisResult result = Fixtures.success(POIID, at(10), p -> p.battery = 90);
        driver.result(result);
        TerminalState state = driver.state(POIID);
        int published = driver.states().size();

        driver.result(DiagnosisResult.newBuilder(result).build());
        driver.result(Fixtures.success(POIID, at(5), p -> p.battery = 5));

        assertThat(driver.states()).hasSize(published);
        assertThat(driver.state(POIID)).isEqualTo(state);
    }

    private static StoreHealth last(List<StoreHealth> records) {
        assertThat(records).isNotEmpty();
        return records.get(records.size() - 1);
    }
}
