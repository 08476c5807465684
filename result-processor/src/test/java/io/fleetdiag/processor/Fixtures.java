package io.fleetdiag.processor;

import io.fleetdiag.schemas.AdditionalResponse;
import io.fleetdiag.schemas.AttestationResult;
import io.fleetdiag.schemas.AttestationStatus;
import io.fleetdiag.schemas.CheckReason;
import io.fleetdiag.schemas.ConnectivitySnapshot;
import io.fleetdiag.schemas.DiagnosisOutcome;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.schemas.GlobalStatus;
import io.fleetdiag.schemas.HostStatus;
import io.fleetdiag.schemas.PoiStatus;
import io.fleetdiag.schemas.PrinterStatus;
import io.fleetdiag.schemas.ResolvableIssue;
import io.fleetdiag.schemas.StoreAndForwardStatus;
import io.fleetdiag.schemas.TerminalInventory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/** Input records for the topology tests, shaped like the poller's and the dispatcher's. */
final class Fixtures {

    static final String MERCHANT = "AcmeRetail_EU";
    static final String STORE = "EU-0001";

    private Fixtures() {
    }

    static List<ConnectivitySnapshot> snapshot(String scope, String store, Instant at, int chunks, List<String> poiids) {
        String id = UUID.randomUUID().toString();
        List<ConnectivitySnapshot> records = new ArrayList<>();
        int size = Math.max(1, (poiids.size() + chunks - 1) / chunks);
        for (int i = 0; i < chunks; i++) {
            List<String> part = poiids.subList(Math.min(poiids.size(), i * size), Math.min(poiids.size(), (i + 1) * size));
            records.add(ConnectivitySnapshot.newBuilder()
                    .setSnapshotId(id).setScope(scope).setMerchantAccount(MERCHANT).setStore(store)
                    .setPolledAt(at).setPollDurationMs(30).setChunkIndex(i).setChunkCount(chunks)
                    .setTotalTerminals(poiids.size()).setUniqueTerminalIds(List.copyOf(part)).build());
        }
        return records;
    }

    /** The inventory source's record of a V400m deployed to {@code store}, listed at {@code at}, that never took a payment. */
    static TerminalInventory.Builder deployed(String poiid, String store, Instant at) {
        return TerminalInventory.newBuilder().setPoiid(poiid).setModel("V400m").setSerialNumber(poiid.substring(poiid.indexOf('-') + 1))
                .setFirmwareVersion("Adyen Android 1.98.3").setMerchantAccount(MERCHANT).setStore(store).setAssignmentStatus("deployed")
                .setScope(MERCHANT).setListedAt(at);
    }

    /** A successful diagnosis of a healthy V400m at {@code at}; {@code change} adjusts it. */
    static DiagnosisResult success(String poiid, Instant at, Consumer<Parts> change) {
        Parts parts = new Parts();
        change.accept(parts);
        return DiagnosisResult.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setPoiid(poiid)
                .setMerchantAccount(MERCHANT)
                .setStore(STORE)
                .setReason(parts.reason != null ? parts.reason : parts.host ? CheckReason.HOST_FOLLOWUP : CheckReason.SCHEDULED)
                .setHostDiagnosis(parts.host)
                .setOutcome(DiagnosisOutcome.SUCCESS)
                .setRequestedAt(at.minusSeconds(1))
                .setCompletedAt(at)
                .setAttempts(1)
                .setResponseResult("Success")
                .setPoiStatus(PoiStatus.newBuilder()
                        .setGlobalStatus(parts.globalStatus).setGlobalStatusValue(parts.globalStatusValue)
                        .setCommunicationOk(parts.communicationOk)
                        .setPrinterStatus(parts.printer).setPrinterStatusValue(parts.printerValue).build())
                .setHostStatuses(parts.hosts)
                .setAdditionalResponse(AdditionalResponse.newBuilder()
                        .setBatteryLevel(parts.battery)
                        .setUnconfirmedBatchCount(parts.unconfirmed)
                        .setTerminalId(poiid)
                        .setMerchantAccount(MERCHANT)
                        .setStoreId(STORE)
                        .setTamperStatus(parts.tamper)
                        .setSdkExpiry(parts.sdkExpiry)
                        .setStoreAndForwardStatus(parts.storeAndForward)
                        .setAttestationStatus(parts.attestation)
                        .setAsyncCaptureStatus(parts.asyncCapture)
                        .setOtherEntries(Map.of())
                        .setParseProblems(List.of())
                        .build())
                .build();
    }

    static DiagnosisResult failure(String poiid, Instant at, DiagnosisOutcome outcome, String message) {
        return DiagnosisResult.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setPoiid(poiid)
                .setMerchantAccount(MERCHANT)
                .setStore(STORE)
                .setReason(CheckReason.SCHEDULED)
                .setOutcome(outcome)
                .setRequestedAt(at.minusSeconds(1))
                .setCompletedAt(at)
                .setMessage(message)
                .build();
    }

    /** The parts of a diagnosis a test changes. */
    static final class Parts {
        Integer battery = 80;
        Integer unconfirmed = 0;
        PrinterStatus printer = PrinterStatus.OK;
        String printerValue = "OK";
        GlobalStatus globalStatus = GlobalStatus.OK;
        String globalStatusValue = "OK";
        Boolean communicationOk = true;
        String tamper;
        boolean host;
        /** Why the check was made; by default HOST_FOLLOWUP for a host diagnosis, else SCHEDULED. */
        CheckReason reason;
        List<HostStatus> hosts = List.of();
        Instant sdkExpiry;
        StoreAndForwardStatus storeAndForward;
        AttestationStatus attestation;
        String asyncCapture;

        Parts hostReachable(boolean reachable) {
            host = true;
            hosts = List.of(HostStatus.newBuilder().setAcquirerId("0").setReachable(reachable).build());
            return this;
        }

        Parts paperLow() {
            printer = PrinterStatus.PAPER_LOW;
            printerValue = "PaperLow";
            return this;
        }

        Parts noPaper() {
            printer = PrinterStatus.NO_PAPER;
            printerValue = "NoPaper";
            return this;
        }

        Parts attestation(AttestationResult result, String value, String issue) {
            attestation = AttestationStatus.newBuilder().setStatus(result).setStatusValue(value)
                    .setResolvableIssues(issue == null ? List.of() : List.of(ResolvableIssue.newBuilder()
                            .setName("issue").setMessage(issue).build())).build();
            return this;
        }

        Parts storeAndForward(boolean active, Instant expiresAt, String forward) {
            storeAndForward = StoreAndForwardStatus.newBuilder().setActive(active).setAvailable(true).setExpiresAt(expiresAt)
                    .setForwardAttemptStatus(forward).build();
            return this;
        }
    }
}
