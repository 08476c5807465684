package io.fleetdiag.dispatcher.checks;

import io.fleetdiag.schemas.CheckReason;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import io.fleetdiag.service.fleet.MobileSdk;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * A check of one terminal that is queued or in flight, with every request merged into it: a second
 * request for the same terminal does not cause a second call but joins this one, and an important
 * one (a MANUAL or HOST_FOLLOWUP check) upgrades it, so nothing is lost by coalescing. It remembers
 * the records it came from, whose offsets finish when its result or retry is acknowledged.
 */
public final class PendingCheck {

    /** Where a merged request was read. */
    public record Source(TopicPartition partition, long offset) {
    }

    private DiagnosisCheckRequest request;
    private final Set<String> coalesced = new LinkedHashSet<>();
    private final List<Source> sources = new ArrayList<>();

    private PendingCheck(DiagnosisCheckRequest request) {
        this.request = request;
    }

    /**
     * A request as read; one without a deadline gets {@code requestedAt + defaultDeadline}, and one of a
     * Mobile SDK installation host diagnosis whoever asked (without it the SDK does not connect to Adyen).
     */
    public static PendingCheck of(DiagnosisCheckRequest request, Source source, Duration defaultDeadline) {
        boolean host = MobileSdk.hostDiagnosis(request.getPoiid(), request.getHostDiagnosis());
        DiagnosisCheckRequest normalized = request.getDeadline() != null && host == request.getHostDiagnosis() ? request
                : DiagnosisCheckRequest.newBuilder(request).setHostDiagnosis(host)
                        .setDeadline(request.getDeadline() != null ? request.getDeadline() : request.getRequestedAt().plus(defaultDeadline))
                        .build();
        PendingCheck check = new PendingCheck(normalized);
        check.coalesced.addAll(request.getCoalescedRequestIds());
        check.coalesced.remove(request.getRequestId());
        check.sources.add(source);
        return check;
    }

    static int rank(CheckReason reason) {
        return switch (reason) {
            case MANUAL -> 4;
            case HOST_FOLLOWUP -> 3;
            case RECONNECTED -> 2;
            case SCHEDULED -> 1;
            default -> 0;
        };
    }

    /**
     * Whether a call made for this check also answers {@code other}: it does unless other needs host
     * diagnosis and this has none, or other is a new request that must not run before a later moment
     * than this one (an iOS follow-up waits for the SDK's capture retry, so an earlier call cannot answer it).
     */
    public boolean covers(PendingCheck other) {
        boolean waitsLonger = other.request.getAttempt() == 0 && other.notBefore().isAfter(notBefore());
        return (request.getHostDiagnosis() || !other.request.getHostDiagnosis()) && !waitsLonger;
    }

    /** Folds another request for the same terminal into this one. */
    public void merge(PendingCheck other) {
        DiagnosisCheckRequest mine = request;
        DiagnosisCheckRequest theirs = other.request;
        boolean theyLead = rank(theirs.getReason()) > rank(mine.getReason());
        DiagnosisCheckRequest lead = theyLead ? theirs : mine;
        DiagnosisCheckRequest follower = theyLead ? mine : theirs;
        request = DiagnosisCheckRequest.newBuilder(lead)
                .setHostDiagnosis(mine.getHostDiagnosis() || theirs.getHostDiagnosis())
                .setMerchantAccount(lead.getMerchantAccount() != null ? lead.getMerchantAccount() : follower.getMerchantAccount())
                .setStore(lead.getStore() != null ? lead.getStore() : follower.getStore())
                .setDeadline(later(mine.getDeadline(), theirs.getDeadline()))
                .setNotBefore(later(mine.getNotBefore(), theirs.getNotBefore()))
                .setTriggeredBy(lead.getTriggeredBy() != null ? lead.getTriggeredBy() : follower.getTriggeredBy())
                .build();
        coalesced.add(follower.getRequestId());
        coalesced.addAll(other.coalesced);
        coalesced.remove(request.getRequestId());
        sources.addAll(other.sources);
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    /** Holds the check back until at least {@code instant}, e.g. because its terminal just answered Busy. */
    public void deferUntil(Instant instant) {
        if (instant.isAfter(notBefore())) {
            request = DiagnosisCheckRequest.newBuilder(request).setNotBefore(instant).build();
        }
    }

    public DiagnosisCheckRequest request() {
        return request;
    }

    public String poiid() {
        return request.getPoiid();
    }

    public Instant notBefore() {
        return request.getNotBefore() == null ? Instant.EPOCH : request.getNotBefore();
    }

    public Instant deadline() {
        return request.getDeadline();
    }

    /** The other requestIds this check answers. */
    public List<String> coalesced() {
        return List.copyOf(coalesced);
    }

    public List<Source> sources() {
        return List.copyOf(sources);
    }

    /** The record that carries this check to its next attempt on the retries topic. */
    public DiagnosisCheckRequest retry(int attemptsMade, Instant notBefore, String failure) {
        return DiagnosisCheckRequest.newBuilder(request)
                .setAttempt(attemptsMade)
                .setNotBefore(notBefore)
                .setLastFailure(failure)
                .setCoalescedRequestIds(coalesced())
                .build();
    }
}
