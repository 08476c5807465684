package io.fleetdiag.testsupport;

import io.fleetdiag.schemas.ActiveAlert;
import io.fleetdiag.schemas.AdditionalResponse;
import io.fleetdiag.schemas.AlertOperation;
import io.fleetdiag.schemas.AlertOperationKind;
import io.fleetdiag.schemas.AlertScope;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.AttestationResult;
import io.fleetdiag.schemas.AttestationStatus;
import io.fleetdiag.schemas.CheckReason;
import io.fleetdiag.schemas.CheckSummary;
import io.fleetdiag.schemas.ConnectivitySnapshot;
import io.fleetdiag.schemas.DeadLetter;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import io.fleetdiag.schemas.DiagnosisOutcome;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.schemas.GlobalStatus;
import io.fleetdiag.schemas.HostStatus;
import io.fleetdiag.schemas.NetworkInterface;
import io.fleetdiag.schemas.PoiStatus;
import io.fleetdiag.schemas.Presence;
import io.fleetdiag.schemas.PrinterStatus;
import io.fleetdiag.schemas.ResolvableIssue;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.StoreAndForwardStatus;
import io.fleetdiag.schemas.StoreHealth;
import io.fleetdiag.schemas.TerminalEvent;
import io.fleetdiag.schemas.TerminalInventory;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.schemas.TerminalState;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One fully populated record of every topic value, with values from Adyen's reference examples. */
public final class SampleRecords {

    public static final Instant AT = Instant.parse("2026-11-23T09:30:00.250Z");

    private SampleRecords() {
    }

    public static ConnectivitySnapshot snapshot() {
        return ConnectivitySnapshot.newBuilder()
                .setSnapshotId("0f9c2c1e-5a55-4a61-9c8e-2b1d3c4d5e6f")
                .setScope("ADYEN_MERCHANT_ACCOUNT/YOUR_STORE_ID")
                .setMerchantAccount("ADYEN_MERCHANT_ACCOUNT")
                .setStore("YOUR_STORE_ID")
                .setPolledAt(AT)
                .setPollDurationMs(42)
                .setChunkIndex(0)
                .setChunkCount(1)
                .setTotalTerminals(5)
                .setUniqueTerminalIds(List.of("MX915-284251016", "MX925-260390740", "V400m-324688136",
                        "V400m-324688178", "V400m-324688181"))
                .build();
    }

    public static DiagnosisCheckRequest checkRequest() {
        return DiagnosisCheckRequest.newBuilder()
                .setRequestId("req-040")
                .setPoiid("V400m-346403161")
                .setMerchantAccount("ADYEN_MERCHANT_ACCOUNT")
                .setStore("YOUR_STORE")
                .setReason(CheckReason.HOST_FOLLOWUP)
                .setHostDiagnosis(true)
                .setRequestedAt(AT)
                .setDeadline(AT.plusSeconds(900))
                .setAttempt(2)
                .setNotBefore(AT.plusSeconds(8))
                .setLastFailure("Busy: message=TX_IN_PROGRESS")
                .setTriggeredBy("req-039")
                .build();
    }

    /** The answer to {@link #checkRequest()}. */
    public static DiagnosisResult terminalResult() {
        DiagnosisCheckRequest request = checkRequest();
        return DiagnosisResult.newBuilder()
                .setRequestId(request.getRequestId())
                .setPoiid(request.getPoiid())
                .setMerchantAccount(request.getMerchantAccount())
                .setStore(request.getStore())
                .setReason(request.getReason())
                .setHostDiagnosis(request.getHostDiagnosis())
                .setOutcome(DiagnosisOutcome.SUCCESS)
                .setRequestedAt(AT)
                .setCompletedAt(AT.plusMillis(1_250))
                .setAttempts(1)
                .setServiceId("040")
                .setSaleId("POSSystemID12345")
                .setLatencyMs(1_180L)
                .setHttpStatus(200)
                .setResponseResult("Success")
                .setPoiStatus(PoiStatus.newBuilder()
                        .setGlobalStatus(GlobalStatus.OK).setGlobalStatusValue("OK")
                        .setCommunicationOk(true)
                        .setPrinterStatus(PrinterStatus.OK).setPrinterStatusValue("OK")
                        .build())
                .setHostStatuses(List.of(HostStatus.newBuilder().setAcquirerId("0").setReachable(true).build()))
                .setAdditionalResponseRaw("batteryLevel=100%25&firmwareVersion=adyen_v1_49p5&networkProfile="
                        + "WyB7ICJBZGRyZXNzIjogIjE5Mi4xNjguMi4yIiwgIklmYWNlIjogIndsYW4wIiB9IF0%3d&merchantAccount="
                        + "ADYEN_MERCHANT_ACCOUNT&unconfirmedBatchCount=0&terminalId=V400m-346403161&storeId=YOUR_STORE")
                .setAdditionalResponse(AdditionalResponse.newBuilder()
                        .setBatteryLevel(100)
                        .setUnconfirmedBatchCount(0)
                        .setFirmwareVersion("adyen_v1_49p5")
                        .setNetworkProfile(List.of(NetworkInterface.newBuilder()
                                .setAddress("192.168.2.2").setIface("wlan0").setOther(Map.of()).build()))
                        .setMerchantAccount("ADYEN_MERCHANT_ACCOUNT")
                        .setTerminalId("V400m-346403161")
                        .setStoreId("YOUR_STORE")
                        .setTamperStatus("ARS_TRIGGERED")
                        .setP2peFirmwareVersion("1.1.1")
                        .setP2peOpenProtocolVersion("2.0.0")
                        .setP2peSREDVersion("11.0.2.110")
                        .setP2peVaultVersion("10.0.4.13405")
                        .setP2peAppManagerVersion("14.0.13.13414")
                        .setOtherEntries(Map.of("newKey", "newValue"))
                        .setParseProblems(List.of())
                        .build())
                .build();
    }

    public static DiagnosisResult mobileResult() {
        return DiagnosisResult.newBuilder(terminalResult())
                .setPoiid("AC2ABBE8-EDD8-4E2B-AF45-8770FA2347DC.924")
                .setPoiStatus(PoiStatus.newBuilder()
                        .setGlobalStatus(GlobalStatus.UNKNOWN).setGlobalStatusValue("Degraded")
                        .setCommunicationOk(true).build())
                .setAdditionalResponse(AdditionalResponse.newBuilder()
                        .setTerminalId("AC2ABBE8-EDD8-4E2B-AF45-8770FA2347DC.924")
                        .setUnconfirmedBatchCount(0)
                        .setSdkExpiry(Instant.parse("2025-09-03T00:00:00Z"))
                        .setStoreAndForwardStatus(StoreAndForwardStatus.newBuilder()
                                .setActive(false).setAvailable(true)
                                .setExpiresAt(Instant.parse("2025-04-09T12:57:02Z"))
                                .setForwardAttemptStatus("Connectivity failure").build())
                        .setAttestationStatus(AttestationStatus.newBuilder()
                                .setStatus(AttestationResult.REJECTED).setStatusValue("Rejected")
                                .setSelfResolvableIssues(true)
                                .setResolvableIssues(List.of(ResolvableIssue.newBuilder()
                                        .setName("Developer options").setMessage("Turn off developer options.").build()))
                                .build())
                        .setAsyncCaptureStatus("Success")
                        .setParseProblems(List.of("networkProfile: not Base64"))
                        .build())
                .build();
    }

    public static TerminalState terminalState() {
        return TerminalState.newBuilder()
                .setPoiid("V400m-346403161")
                .setMerchantAccount("ADYEN_MERCHANT_ACCOUNT")
                .setStore("YOUR_STORE")
                .setPresence(Presence.ONLINE)
                .setPresenceChangedAt(AT)
                .setLastSeenAt(AT)
                .setMissedSnapshots(0)
                .setLastSuccess(terminalResult())
                .setLastCheck(CheckSummary.newBuilder()
                        .setRequestId("req-040").setReason(CheckReason.HOST_FOLLOWUP)
                        .setOutcome(DiagnosisOutcome.SUCCESS).setAttempts(1).setCompletedAt(AT).build())
                .setConsecutiveFailures(0)
                .setActiveAlerts(List.of(ActiveAlert.newBuilder()
                        .setAlertId("alert-1").setType(AlertType.TAMPER_DETECTED).setSeverity(Severity.CRITICAL)
                        .setSummary("Anti-removal switches triggered").setRaisedAt(AT).build()))
                .setUpdatedAt(AT)
                .build();
    }

    public static TerminalInventory inventory() {
        return TerminalInventory.newBuilder().setPoiid("V400m-346403161").setModel("V400m").setSerialNumber("346403161")
                .setFirmwareVersion("adyen_v1_69p4").setCompanyId("YOUR_COMPANY_ID").setMerchantAccount("ADYEN_MERCHANT_ACCOUNT")
                .setStore("YOUR_STORE").setAssignmentStatus("boarded").setConnectivity("{\"wifi\":{\"ipAddress\":\"192.168.2.2\"}}")
                .setLastActivityAt(Instant.parse("2026-05-25T10:00:00Z")).setLastTransactionAt(Instant.parse("2026-05-25T09:58:00Z"))
                .setScope("ADYEN_MERCHANT_ACCOUNT").setListedAt(Instant.parse("2026-05-25T10:00:05Z")).build();
    }

    /** A SecurityAlarm as a terminal sends it (SaleToPOIRequest.EventNotification), received once. */
    public static TerminalEvent terminalEvent() {
        Instant occurredAt = Instant.parse("2026-05-25T10:01:00Z");
        return TerminalEvent.newBuilder().setEventId("V400m-346403161|SecurityAlarm|" + occurredAt.toEpochMilli()).setPoiid("V400m-346403161")
                .setSaleId("POSSystemID12345").setEventToNotify("SecurityAlarm").setEventDetails("Tamper switch opened")
                .setMaintenanceRequired(true).setOccurredAt(occurredAt).setReceivedAt(Instant.parse("2026-05-25T10:01:00.350Z")).build();
    }

    public static StoreHealth storeHealth() {
        return StoreHealth.newBuilder()
                .setMerchantAccount("ADYEN_MERCHANT_ACCOUNT")
                .setStore("YOUR_STORE")
                .setTerminalsKnown(12)
                .setTerminalsOnline(10)
                .setTerminalsHealthy(9)
                .setActiveAlertsByType(Map.of("TERMINAL_OFFLINE", 2, "BATTERY_LOW", 1))
                .setDegraded(false)
                .setUpdatedAt(AT)
                .build();
    }

    public static TerminalAlert alert() {
        return TerminalAlert.newBuilder()
                .setAlertId("alert-1")
                .setStatus(AlertStatus.RAISED)
                .setType(AlertType.TAMPER_DETECTED)
                .setSeverity(Severity.CRITICAL)
                .setPoiid("UX410-1234")
                .setMerchantAccount("ADYEN_MERCHANT_ACCOUNT")
                .setStore("YOUR_STORE")
                .setSummary("Anti-removal switches triggered on UX410-1234")
                .setEvidence(Map.of("tamperStatus", "ARS_TRIGGERED"))
                .setRemediation("Stop using the terminal immediately.")
                .setRequestId("req-040")
                .setRaisedAt(AT)
                .setEventTime(AT)
                .setPaging(false)
                .setSilenced(true)
                .setSilenceId("silence-1")
                .setAcknowledgedBy("Store operations, Amsterdam")
                .setAcknowledgedAt(AT.plusSeconds(60))
                .setAcknowledgementNote("engineer on the way")
                .build();
    }

    public static DeadLetter deadLetter() {
        return DeadLetter.newBuilder()
                .setApplication("diagnosis-dispatcher")
                .setSourceTopic("prod.diagnosis-check-requests")
                .setSourcePartition(3)
                .setSourceOffset(1_234)
                .setSourceTimestamp(AT)
                .setKey(ByteBuffer.wrap("V400m-1".getBytes(StandardCharsets.UTF_8)))
                .setValue(ByteBuffer.wrap(new byte[] {0x7b, 0x22}))
                .setHeaders(Map.of("trace", ByteBuffer.wrap(new byte[] {1, 2})))
                .setReason("Unknown magic byte 0x7b")
                .setExceptionClass("org.apache.kafka.common.errors.SerializationException")
                .setFailedAt(AT)
                .build();
    }

    public static AlertOperation silence() {
        return AlertOperation.newBuilder()
                .setKind(AlertOperationKind.SILENCE)
                .setId("silence-1")
                .setBy("Store operations, Amsterdam")
                .setNote("till replacement")
                .setCreatedAt(AT)
                .setScope(AlertScope.newBuilder().setMerchantAccount("ADYEN_MERCHANT_ACCOUNT").setStore("YOUR_STORE")
                        .setAlertType("TERMINAL_OFFLINE").build())
                .setUntil(AT.plusSeconds(7_200))
                .setEndedAt(AT.plusSeconds(3_600))
                .setEndedBy("Store operations, Amsterdam")
                .build();
    }
}
