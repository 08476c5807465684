package io.fleetdiag.dispatcher.results;

import io.fleetdiag.dispatcher.checks.PendingCheck;
import io.fleetdiag.schemas.AdditionalResponse;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import io.fleetdiag.schemas.DiagnosisOutcome;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.terminalapi.DiagnosisAnswer;
import java.time.Instant;
import java.util.List;

/** Builds the DiagnosisResult that finishes a check, from its request and the last Terminal API answer. */
public final class ResultFactory {

    private ResultFactory() {
    }

    /** A check that ended with this answer; the outcome is the answer's. */
    public static DiagnosisResult finished(PendingCheck check, DiagnosisAnswer answer, String serviceId, String saleId, Instant at) {
        return build(check, answer, serviceId, saleId, at, DiagnosisOutcome.valueOf(answer.outcome().name()), answer.message());
    }

    /** A check that is not attempted again: its last answer said retry later, but it ran out of attempts or time. */
    public static DiagnosisResult gaveUp(PendingCheck check, DiagnosisAnswer lastAnswer, String serviceId, String saleId, Instant at,
                                         String why) {
        return build(check, lastAnswer, serviceId, saleId, at, DiagnosisOutcome.GAVE_UP, why);
    }

    private static DiagnosisResult build(PendingCheck check, DiagnosisAnswer answer, String serviceId, String saleId, Instant at,
                                         DiagnosisOutcome outcome, String message) {
        DiagnosisCheckRequest request = check.request();
        AdditionalResponse additional = answer == null ? null : answer.additionalResponse();
        return DiagnosisResult.newBuilder()
                .setRequestId(request.getRequestId())
                .setPoiid(request.getPoiid())
                .setMerchantAccount(request.getMerchantAccount() != null ? request.getMerchantAccount()
                        : additional == null ? null : additional.getMerchantAccount())
                .setStore(request.getStore() != null ? request.getStore() : additional == null ? null : additional.getStoreId())
                .setReason(request.getReason())
                .setHostDiagnosis(request.getHostDiagnosis())
                .setOutcome(outcome)
                .setRequestedAt(request.getRequestedAt())
                .setCompletedAt(at)
                .setAttempts(request.getAttempt() + (answer == null ? 0 : 1))
                .setCoalescedRequestIds(check.coalesced())
                .setServiceId(serviceId)
                .setAnsweredServiceId(answer == null ? null : answer.answeredServiceId())
                .setSaleId(saleId)
                .setLatencyMs(answer == null || answer.latency() == null ? null : answer.latency().toMillis())
                .setHttpStatus(answer == null ? null : answer.httpStatus())
                .setResponseResult(answer == null ? null : answer.result())
                .setErrorCondition(answer == null ? null : answer.errorCondition())
                .setMessage(message)
                .setEventToNotify(answer == null ? null : answer.eventToNotify())
                .setPoiStatus(answer == null ? null : answer.poiStatus())
                .setHostStatuses(answer == null ? List.of() : answer.hostStatuses())
                .setAdditionalResponseRaw(answer == null ? null : answer.additionalResponseRaw())
                .setAdditionalResponse(additional)
                .build();
    }
}
