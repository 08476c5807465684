package io.fleetdiag.terminalapi;

import java.util.List;
import java.util.Objects;

/**
 * One terminal's cloud connection as the per-terminal call reports it: the Cloud device API's
 * {@code GET /merchants/{merchantAccount}/devices/{deviceId}/status} ({@code {"deviceId":..,"status":"ONLINE"|"OFFLINE"}}),
 * or in the classic flavour {@code POST /connectedTerminals} with {@code uniqueTerminalId} (Adyen's "check a specific
 * terminal"). Only a SUCCESS says ONLINE or OFFLINE; any other outcome is a failed answer that says nothing about the terminal.
 */
public record DeviceStatus(String deviceId, CallOutcome outcome, Status status, String message) {

    /** What the answer says; UNKNOWN for every answer that is not a SUCCESS. */
    public enum Status { ONLINE, OFFLINE, UNKNOWN }

    public DeviceStatus {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(status, "status");
        if ((outcome == CallOutcome.SUCCESS) == (status == Status.UNKNOWN)) {
            throw new IllegalArgumentException("a SUCCESS says ONLINE or OFFLINE, a failure neither: " + outcome + " " + status);
        }
    }

    public static DeviceStatus failed(String deviceId, CallOutcome outcome, String message) {
        return new DeviceStatus(deviceId, outcome, Status.UNKNOWN, message);
    }

    /** The per-terminal connected-terminals answer: empty is OFFLINE, exactly the terminal asked about is ONLINE. */
    static DeviceStatus of(String deviceId, ConnectedTerminals answer) {
        if (answer.outcome() != CallOutcome.SUCCESS) {
            return failed(deviceId, answer.outcome(), answer.message());
        }
        List<String> ids = answer.uniqueTerminalIds();
        if (ids.isEmpty()) {
            return new DeviceStatus(deviceId, CallOutcome.SUCCESS, Status.OFFLINE, null);
        }
        if (ids.equals(List.of(deviceId))) {
            return new DeviceStatus(deviceId, CallOutcome.SUCCESS, Status.ONLINE, null);
        }
        // asked about one terminal, told about others: not the documented answer, and no verdict on this one
        return failed(deviceId, CallOutcome.MALFORMED, "asked about " + deviceId + ", the answer names " + ids.size() + " other terminal(s)");
    }

    public boolean online() {
        return status == Status.ONLINE;
    }
}
