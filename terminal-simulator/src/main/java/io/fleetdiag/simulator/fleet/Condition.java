package io.fleetdiag.simulator.fleet;

import java.time.Instant;
import java.util.List;

/**
 * A terminal's condition at one moment: what its next DiagnosisResponse reports. Fields that do not
 * apply to the model are null (battery on a P400Plus, tamper on a V400m, the mobile keys on a terminal).
 */
public record Condition(
        boolean online,
        boolean responding,
        boolean busy,
        Integer batteryLevel,
        Boolean charging,
        String printerStatus,
        String globalStatus,
        boolean communicationOk,
        Boolean tampered,
        int unconfirmedBatchCount,
        boolean hostReachable,
        String firmwareVersion,
        Instant sdkExpiry,
        StoreAndForward storeAndForward,
        Attestation attestation,
        String asyncCaptureStatus,
        boolean evolving) {

    /** Mobile store-and-forward state, as storeAndForwardStatus reports it. */
    public record StoreAndForward(boolean available, boolean active, Instant expiresAt, String forwardAttemptStatus) {
    }

    /** Mobile attestation, as attestationStatus reports it. */
    public record Attestation(String status, List<Issue> resolvableIssues) {
        public Attestation {
            resolvableIssues = resolvableIssues == null ? List.of() : List.copyOf(resolvableIssues);
        }
    }

    /** A resolvable attestation issue. */
    public record Issue(String name, String message) {
    }

    /**
     * What a terminal's troubles report, gathered into a condition; a trouble the model cannot have
     * leaves its fields null.
     */
    static final class Builder {
        boolean online;
        boolean responding;
        boolean busy;
        Integer batteryLevel;
        Boolean charging;
        String printerStatus;
        String globalStatus;
        boolean communicationOk;
        Boolean tampered;
        int unconfirmedBatchCount;
        boolean hostReachable;
        String firmwareVersion;
        Instant sdkExpiry;
        StoreAndForward storeAndForward;
        Attestation attestation;
        String asyncCaptureStatus;

        Condition build(boolean evolving) {
            return new Condition(online, responding, busy, batteryLevel, charging, printerStatus, globalStatus, communicationOk,
                    tampered, unconfirmedBatchCount, hostReachable, firmwareVersion, sdkExpiry, storeAndForward, attestation,
                    asyncCaptureStatus, evolving);
        }
    }
}
