package io.fleetdiag.processor.terminal;

import io.fleetdiag.processor.firmware.FirmwareVerdict;
import io.fleetdiag.processor.presence.PresenceChange;
import io.fleetdiag.schemas.CheckSummary;
import io.fleetdiag.schemas.DiagnosisOutcome;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.schemas.HostCheck;
import io.fleetdiag.schemas.InventoryEntry;
import io.fleetdiag.schemas.Presence;
import io.fleetdiag.schemas.TerminalInventory;
import io.fleetdiag.schemas.TerminalState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Objects;

/**
 * How an input changes a terminal's state, in place (the record was just read from its state table).
 * Inputs older than what the state already reflects do not roll it back.
 */
public final class TerminalStates {

    private TerminalStates() {
    }

    public static TerminalState fresh(String poiid, Instant at) {
        return TerminalState.newBuilder()
                .setPoiid(poiid)
                .setPresence(Presence.UNKNOWN)
                .setActiveAlerts(new ArrayList<>())
                .setUpdatedAt(at)
                .build();
    }

    /**
     * A result changes the terminal's check history, except a check that expired in fleetdiag's own queue
     * before any attempt ({@link #unattempted}): it says nothing about the terminal (issue 23).
     */
    public static void apply(TerminalState state, DiagnosisResult result) {
        CheckSummary last = state.getLastCheck();
        if (unattempted(result) || last != null && result.getCompletedAt().isBefore(last.getCompletedAt())) {
            return;
        }
        boolean success = result.getOutcome() == DiagnosisOutcome.SUCCESS;
        state.setLastCheck(CheckSummary.newBuilder()
                        .setRequestId(result.getRequestId())
                        .setReason(result.getReason())
                        .setOutcome(result.getOutcome())
                        .setMessage(result.getMessage())
                        .setAttempts(result.getAttempts())
                        .setCompletedAt(result.getCompletedAt())
                        .build());
        state.setConsecutiveFailures(success ? 0 : state.getConsecutiveFailures() + 1);
        if (state.getMerchantAccount() == null) {
            state.setMerchantAccount(result.getMerchantAccount());
        }
        // where the inventory lists the terminal, its assignment says where it is: a check carries its poll scope's store,
        // which still names the old store after a Management reassignment
        if (result.getStore() != null && state.getInventory() == null) {
            state.setStore(result.getStore());
        }
        state.setUpdatedAt(later(state.getUpdatedAt(), result.getCompletedAt()));
        if (success) {
            TerminalEventStates.diagnosed(state, result.getCompletedAt());
            // every parsed field, not the raw AdditionalResponse: it would double the state, and diagnosis-results keeps it
            result.setAdditionalResponseRaw(null);
            state.setLastSuccess(result);
            if (!result.getHostStatuses().isEmpty()) {
                state.setLastHostDiagnosis(HostCheck.newBuilder()
                        .setRequestId(result.getRequestId())
                        .setCompletedAt(result.getCompletedAt())
                        .setHostStatuses(result.getHostStatuses())
                        .build());
            }
        }
    }

    /** GAVE_UP with no attempt: the check expired in the dispatcher's queue; the dispatcher never reached the terminal. */
    public static boolean unattempted(DiagnosisResult result) {
        return result.getOutcome() == DiagnosisOutcome.GAVE_UP && result.getAttempts() == 0;
    }

    public static void apply(TerminalState state, PresenceChange change) {
        if (state.getMerchantAccount() == null) {
            state.setMerchantAccount(change.merchantAccount());
        }
        if (state.getStore() == null) {
            state.setStore(change.store());
        }
        state.setUpdatedAt(later(state.getUpdatedAt(), change.at()));
        Instant changedAt = state.getPresenceChangedAt();
        // NEVER_SEEN dates from the inventory's listing, not from a snapshot: any sighting is newer news
        if (changedAt != null && state.getPresence() != Presence.NEVER_SEEN && change.at().isBefore(changedAt)) {
            return;
        }
        if (change.kind() == PresenceChange.Kind.ONLINE_BY_STATUS) {
            state.setStatusDisagreements(state.getStatusDisagreements() + 1);
            state.setLastStatusDisagreementAt(change.at());
        }
        if (change.online()) {
            TerminalEventStates.back(state, change.at());
            state.setLastSeenAt(change.at());
            state.setMissedSnapshots(0);
            if (state.getPresence() != Presence.ONLINE) {
                state.setPresence(Presence.ONLINE);
                state.setPresenceChangedAt(change.at());
            }
        } else if (state.getPresence() != Presence.OFFLINE) {
            state.setPresence(Presence.OFFLINE);
            state.setPresenceChangedAt(change.at());
            state.setMissedSnapshots(change.missedSnapshots());
        }
    }

    /**
     * The inventory's listing of the terminal: its model and deployment, and its store assignment, which
     * the Management API knows better than a snapshot's scope (it is how an offline terminal or a mobile
     * installation gets its store). A terminal no snapshot listed yet is NEVER_SEEN. {@code listing} null:
     * it left the inventory.
     */
    public static void apply(TerminalState state, TerminalInventory listing, Instant at) {
        state.setUpdatedAt(later(state.getUpdatedAt(), at));
        InventoryEntry previous = state.getInventory();
        if (listing == null) {
            state.setInventory(null);
            return;
        }
        if (previous != null && listing.getListedAt().isBefore(previous.getListedAt())) {
            return;
        }
        SimCard sim = SimCard.of(listing.getConnectivity());
        boolean sameStatus = previous != null && Objects.equals(previous.getAssignmentStatus(), listing.getAssignmentStatus());
        boolean sameFirmware = previous != null && Objects.equals(previous.getFirmwareVersion(), listing.getFirmwareVersion())
                && Objects.equals(previous.getModel(), listing.getModel())
                && Objects.equals(state.getMerchantAccount(), listing.getMerchantAccount());
        state.setInventory(InventoryEntry.newBuilder()
                .setModel(listing.getModel())
                .setSerialNumber(listing.getSerialNumber())
                .setFirmwareVersion(listing.getFirmwareVersion())
                .setAssignmentStatus(listing.getAssignmentStatus())
                .setLastActivityAt(listing.getLastActivityAt())
                .setLastTransactionAt(listing.getLastTransactionAt())
                .setListedSince(previous == null ? listing.getListedAt() : previous.getListedSince())
                .setListedAt(listing.getListedAt())
                .setAssignmentStatusSince(sameStatus && previous.getAssignmentStatusSince() != null
                        ? previous.getAssignmentStatusSince() : listing.getListedAt())
                .setSimIccid(sim.iccid())
                .setSimStatus(sim.status())
                .setRestartLocalTime(listing.getRestartLocalTime())
                // a new version, model or merchant account waits for the verdict of its firmware counts
                .setCommonFirmware(sameFirmware ? previous.getCommonFirmware() : null)
                .setFirmwareBehindSince(sameFirmware ? previous.getFirmwareBehindSince() : null)
                .build());
        if (listing.getMerchantAccount() != null) {
            state.setMerchantAccount(listing.getMerchantAccount());
            state.setStore(listing.getStore());
        }
        if (state.getPresence() == Presence.UNKNOWN && state.getLastSeenAt() == null) {
            state.setPresence(Presence.NEVER_SEEN);
            state.setPresenceChangedAt(listing.getListedAt());
        }
    }

    /**
     * The firmware counts' verdict: behind since the first verdict that found the terminal's version older than its group's
     * most common one, until one finds it is not.
     */
    public static void apply(TerminalState state, FirmwareVerdict verdict) {
        InventoryEntry entry = state.getInventory();
        state.setUpdatedAt(later(state.getUpdatedAt(), verdict.at()));
        Instant since = entry.getFirmwareBehindSince();
        entry.setCommonFirmware(verdict.common());
        entry.setFirmwareBehindSince(verdict.behind() ? since != null ? since : verdict.at() : null);
    }

    /**
     * A terminal known only from the inventory that left it: nothing remains worth a state row (no
     * snapshot listed it, no check reached it).
     */
    public static boolean forgotten(TerminalState state) {
        return state.getInventory() == null && state.getPresence() == Presence.NEVER_SEEN && state.getLastCheck() == null;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
