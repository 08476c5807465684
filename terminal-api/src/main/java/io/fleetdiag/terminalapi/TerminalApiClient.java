package io.fleetdiag.terminalapi;

import java.util.concurrent.CompletableFuture;

/**
 * Adyen's cloud Terminal API as fleetdiag uses it. Calls never fail exceptionally: every answer, and
 * every failure to get one, completes the future with a typed outcome.
 */
public interface TerminalApiClient {

    /**
     * The POIIDs with a live cloud connection under a merchant account, optionally limited to a store or
     * to one terminal ({@code store} and {@code uniqueTerminalId} may be null).
     */
    CompletableFuture<ConnectedTerminals> connectedTerminals(String merchantAccount, String store, String uniqueTerminalId);

    /**
     * One terminal's cloud connection, asked on its own (docs/design.md#the-terminal-api): the Cloud device API's
     * {@code GET .../devices/{deviceId}/status}, or {@code /connectedTerminals} limited to the terminal. Never fails
     * exceptionally; a failed or malformed answer is a {@link DeviceStatus} with status UNKNOWN.
     */
    default CompletableFuture<DeviceStatus> deviceStatus(String merchantAccount, String deviceId) {
        return connectedTerminals(merchantAccount, null, deviceId).thenApply(answer -> DeviceStatus.of(deviceId, answer));
    }

    /** Sends one DiagnosisRequest and waits for the terminal's answer (synchronous cloud call). */
    CompletableFuture<DiagnosisAnswer> diagnose(DiagnosisCall call);

    static TerminalApiClient create(TerminalApiConfig config) {
        return new HttpTerminalApiClient(config);
    }
}
