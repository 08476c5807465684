package io.fleetdiag.processor.followup;

import io.fleetdiag.schemas.CheckReason;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import io.fleetdiag.schemas.DiagnosisOutcome;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.schemas.TerminalState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The checks the procedure asks for on its own: the reference's second step (a result with
 * unconfirmedBatchCount above 0 from a check without host diagnosis is followed by one with
 * HostDiagnosisFlag true), and a check when a terminal comes back online. Their requestIds derive
 * from what caused them, so reprocessing asks for the same check again rather than a new one.
 */
public final class FollowUpChecks {

    private FollowUpChecks() {
    }

    public static Optional<DiagnosisCheckRequest> hostFollowUp(DiagnosisResult result) {
        Integer unconfirmed = result.getAdditionalResponse() == null ? null : result.getAdditionalResponse().getUnconfirmedBatchCount();
        if (result.getOutcome() != DiagnosisOutcome.SUCCESS || result.getHostDiagnosis() || unconfirmed == null || unconfirmed <= 0) {
            return Optional.empty();
        }
        return Optional.of(DiagnosisCheckRequest.newBuilder()
                .setRequestId(id("HOST_FOLLOWUP|" + result.getRequestId()))
                .setPoiid(result.getPoiid())
                .setMerchantAccount(result.getMerchantAccount())
                .setStore(result.getStore())
                .setReason(CheckReason.HOST_FOLLOWUP)
                .setHostDiagnosis(true)
                .setRequestedAt(result.getCompletedAt())
                .setTriggeredBy(result.getRequestId())
                .build());
    }

    public static DiagnosisCheckRequest reconnected(TerminalState state, Instant at) {
        return DiagnosisCheckRequest.newBuilder()
                .setRequestId(id("RECONNECTED|" + state.getPoiid() + "|" + at.toEpochMilli()))
                .setPoiid(state.getPoiid())
                .setMerchantAccount(state.getMerchantAccount())
                .setStore(state.getStore())
                .setReason(CheckReason.RECONNECTED)
                .setHostDiagnosis(false)
                .setRequestedAt(at)
                .build();
    }

    private static String id(String cause) {
        return UUID.nameUUIDFromBytes(cause.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
