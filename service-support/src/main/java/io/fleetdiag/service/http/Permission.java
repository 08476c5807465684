package io.fleetdiag.service.http;

/**
 * What a caller must be allowed to do to use a route, by the name a token's claims grant it with
 * ({@link #grant()}). {@link #PUBLIC} needs no credential.
 */
public enum Permission {
    /** Health and static files: no data, no credential. */
    PUBLIC("public"),
    /** Reading the fleet's state and alerts. */
    READ("fleet:read"),
    /** Acting on alerts: acknowledging and silencing. */
    OPERATE("alerts:operate"),
    /** Asking for diagnosis checks. */
    RUN_CHECKS("checks:run"),
    /** Changing how a service or the simulator behaves. */
    ADMIN("admin");

    private final String grant;

    Permission(String grant) {
        this.grant = grant;
    }

    /** The name configuration and token claims use for it. */
    public String grant() {
        return grant;
    }
}
