package io.fleetdiag.processor.events;

import io.fleetdiag.service.access.Caller;
import io.fleetdiag.service.access.Scope;
import io.fleetdiag.service.http.HttpCall;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet view each event-stream client is sent, one per scope and shared: a new client gets the
 * snapshot its scope already has while nothing changed since, or while it is younger than {@code fresh}
 * (the clients get a new one at the next tick anyway), so 1,000 clients connecting at once cost one fleet
 * computation per scope, not 1,000. Unrestricted callers all share the whole fleet's.
 */
final class FleetSnapshots {

    private static final Logger LOG = LoggerFactory.getLogger(FleetSnapshots.class);
    /** How the service asks for the whole fleet's view, shared by every unrestricted client. */
    private static final HttpCall WHOLE_FLEET = HttpCall.get("/api/fleet", Map.of(), Caller.local());

    private record Snapshot(String json, long generation, long takenNanos) {
    }

    private final LiveEvents.FleetView view;
    private final Duration fresh;
    private final LongSupplier nanos;
    private final Map<Scope, Snapshot> byScope = new ConcurrentHashMap<>();
    private long generation;
    private long computations;

    FleetSnapshots(LiveEvents.FleetView view, Duration fresh, LongSupplier nanos) {
        this.view = view;
        this.fresh = fresh;
        this.nanos = nanos;
    }

    /** Something the fleet view counts has changed: snapshots taken before are reused only while fresh. */
    synchronized void changed() {
        generation++;
    }

    /** The view for a client that has just connected as {@code call}'s caller. */
    synchronized Optional<String> forNewClient(HttpCall call) {
        Snapshot kept = byScope.get(call.caller().scope());
        if (kept != null && (kept.generation() == generation || nanos.getAsLong() - kept.takenNanos() < fresh.toNanos())) {
            return Optional.of(kept.json());
        }
        return take(call);
    }

    /** The view as it is now, for every client of {@code call}'s scope (the periodic send after a change). */
    synchronized Optional<String> now(HttpCall call) {
        return take(call);
    }

    /** Forgets the snapshots of scopes no client has any more. */
    synchronized void keepOnly(Set<Scope> connected) {
        byScope.keySet().retainAll(connected);
    }

    /** Fleet views computed so far. */
    synchronized long computations() {
        return computations;
    }

    private Optional<String> take(HttpCall call) {
        long at = generation;
        computations++;
        try {
            Optional<String> json = view.json(call.caller().scope().unrestricted() ? WHOLE_FLEET : call);
            json.ifPresent(value -> byScope.put(call.caller().scope(), new Snapshot(value, at, nanos.getAsLong())));
            return json;
        } catch (Exception e) {
            LOG.debug("No fleet view for the live events now: {}", e.toString());
            return Optional.empty();
        }
    }
}
