package io.fleetdiag.service.http;

import java.util.Objects;

/**
 * How an endpoint treats requests beyond routes and credentials: which state changes it takes
 * ({@link RequestGuard}), the headers of every reply ({@link SecurityHeaders}) and how many event
 * streams it holds open ({@link StreamCaps}'s limits).
 */
public record HttpPolicy(RequestGuard guard, SecurityHeaders headers, int maxStreams, int maxStreamsPerCaller) {

    public HttpPolicy {
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(headers, "headers");
        if (maxStreams < 1 || maxStreamsPerCaller < 1) {
            throw new IllegalArgumentException("Event stream caps must be at least 1: " + maxStreams + ", " + maxStreamsPerCaller);
        }
    }

    /** Loopback names and IP addresses as hosts, the service's own origin only, the default stream caps. */
    public static HttpPolicy defaults() {
        return new HttpPolicy(RequestGuard.ownAddresses(), SecurityHeaders.ownOriginOnly(), StreamCaps.DEFAULT_MAX, StreamCaps.DEFAULT_MAX_PER_CALLER);
    }

    public HttpPolicy withGuard(RequestGuard other) {
        return new HttpPolicy(other, headers, maxStreams, maxStreamsPerCaller);
    }

    public HttpPolicy withStreamCaps(int max, int perCaller) {
        return new HttpPolicy(guard, headers, max, perCaller);
    }
}
