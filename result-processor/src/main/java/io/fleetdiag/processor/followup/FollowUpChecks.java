package io.fleetdiag.processor.followup;

import io.fleetdiag.schemas.AdditionalResponse;
import io.fleetdiag.schemas.CheckReason;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import io.fleetdiag.schemas.DiagnosisOutcome;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.schemas.TerminalState;
import io.fleetdiag.service.fleet.MobileSdk;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The checks the procedure asks for on its own (docs/alerts-escalation.md): the reference's second
 * step (a result with unconfirmedBatchCount above 0 from a check without host diagnosis is followed
 * by one with HostDiagnosisFlag true); for an iOS Mobile SDK installation whose host diagnosis still
 * shows unconfirmed payments, one more host diagnosis after the SDK's capture-retry wait (payments
 * completed within it are not retried yet), with notBefore so the dispatcher holds it and every
 * other check of the installation until then; and a check when a terminal comes back online. Their
 * requestIds derive from what caused them, so reprocessing asks for the same check again rather
 * than a new one.
 */
public final class FollowUpChecks {

    private FollowUpChecks() {
    }

    public static Optional<DiagnosisCheckRequest> hostFollowUp(DiagnosisResult result, Duration iosCaptureWait) {
        Integer unconfirmed = result.getAdditionalResponse() == null ? null : result.getAdditionalResponse().getUnconfirmedBatchCount();
        if (result.getOutcome() != DiagnosisOutcome.SUCCESS || unconfirmed == null || unconfirmed <= 0) {
            return Optional.empty();
        }
        if (!result.getHostDiagnosis()) {
            return Optional.of(followUp(result, null));
        }
        // the follow-up's own result does not ask again: exactly one per host diagnosis that showed a batch
        if (iosInstallation(result) && result.getReason() != CheckReason.HOST_FOLLOWUP) {
            return Optional.of(followUp(result, result.getCompletedAt().plus(iosCaptureWait)));
        }
        return Optional.empty();
    }

    /** iOS is the only Mobile SDK platform that reports asyncCaptureStatus (the capture retry). */
    static boolean iosInstallation(DiagnosisResult result) {
        AdditionalResponse additional = result.getAdditionalResponse();
        return MobileSdk.isInstallation(result.getPoiid()) && additional != null && additional.getAsyncCaptureStatus() != null;
    }

    private static DiagnosisCheckRequest followUp(DiagnosisResult result, Instant notBefore) {
        return DiagnosisCheckRequest.newBuilder()
                .setRequestId(id("HOST_FOLLOWUP|" + result.getRequestId()))
                .setPoiid(result.getPoiid())
                .setMerchantAccount(result.getMerchantAccount())
                .setStore(result.getStore())
                .setReason(CheckReason.HOST_FOLLOWUP)
                .setHostDiagnosis(true)
                .setRequestedAt(result.getCompletedAt())
                .setNotBefore(notBefore)
                .setTriggeredBy(result.getRequestId())
                .build();
    }

    public static DiagnosisCheckRequest reconnected(TerminalState state, Instant at) {
        return DiagnosisCheckRequest.newBuilder()
                .setRequestId(id("RECONNECTED|" + state.getPoiid() + "|" + at.toEpochMilli()))
                .setPoiid(state.getPoiid())
                .setMerchantAccount(state.getMerchantAccount())
                .setStore(state.getStore())
                .setReason(CheckReason.RECONNECTED)
                .setHostDiagnosis(MobileSdk.hostDiagnosis(state.getPoiid(), false))
                .setRequestedAt(at)
                .build();
    }

    private static String id(String cause) {
        return UUID.nameUUIDFromBytes(cause.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
