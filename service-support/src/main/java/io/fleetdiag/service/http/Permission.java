package io.fleetdiag.service.http;

/**
 * What a caller must be allowed to do to use a route. Today a configured bearer token grants everything
 * but {@link #PUBLIC}, which needs none; sign-in with roles will tell the others apart.
 */
public enum Permission {
    /** Health and static files: no data, no token. */
    PUBLIC,
    /** Reading the fleet's state and alerts. */
    READ,
    /** Acting on alerts: acknowledging, silencing, asking for checks. */
    OPERATE,
    /** Changing how a service or the simulator behaves. */
    ADMIN
}
