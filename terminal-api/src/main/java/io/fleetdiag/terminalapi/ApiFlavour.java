package io.fleetdiag.terminalapi;

/** The two Adyen APIs that carry Terminal API messages to cloud-connected terminals. */
public enum ApiFlavour {
    /** The classic cloud Terminal API: {@code POST /connectedTerminals}, {@code POST /sync}. */
    TERMINAL_API,
    /** The newer Cloud device API: {@code GET /v1/merchants/{ma}/connectedDevices}, {@code POST .../devices/{id}/sync}. */
    DEVICE_API
}
