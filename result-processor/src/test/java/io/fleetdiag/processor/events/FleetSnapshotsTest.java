package io.fleetdiag.processor.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.service.access.Caller;
import io.fleetdiag.service.access.Scope;
import io.fleetdiag.service.http.HttpCall;
import io.fleetdiag.service.http.Permission;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FleetSnapshotsTest {

    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger version = new AtomicInteger();
    private final FleetSnapshots snapshots = new FleetSnapshots(
            as -> Optional.of("{\"as\":\"" + as.caller().subject() + "\",\"version\":" + version.get() + "}"),
            Duration.ofSeconds(2), clock::get);

    private static HttpCall as(String subject, Scope scope) {
        return HttpCall.get("/events", Map.of(), new Caller(subject, Set.of(Permission.READ), scope));
    }

    @Test
    void aThousandClientsConnectingAtOnceShareOneFleetViewPerScope() {
        Scope eu = Scope.of(Set.of("AcmeRetail_EU"), Set.of());
        for (int i = 0; i < 1_000; i++) {
            assertThat(snapshots.forNewClient(as("viewer-" + i, Scope.ALL))).hasValue("{\"as\":\"local\",\"version\":0}");
            assertThat(snapshots.forNewClient(as("manager-" + i, eu))).hasValue("{\"as\":\"manager-0\",\"version\":0}");
        }
        assertThat(snapshots.computations()).isEqualTo(2);
    }

    @Test
    void aChangeIsSeenByTheNextClientOnceTheSnapshotIsNoLongerFresh() {
        snapshots.forNewClient(as("a", Scope.ALL));
        version.incrementAndGet();
        snapshots.changed();
        assertThat(snapshots.forNewClient(as("b", Scope.ALL))).as("changed, but fresh").hasValue("{\"as\":\"local\",\"version\":0}");
        clock.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(snapshots.forNewClient(as("c", Scope.ALL))).hasValue("{\"as\":\"local\",\"version\":1}");
        clock.addAndGet(Duration.ofSeconds(60).toNanos());
        assertThat(snapshots.forNewClient(as("d", Scope.ALL))).as("old, but nothing changed since").hasValue("{\"as\":\"local\",\"version\":1}");
        assertThat(snapshots.computations()).isEqualTo(2);
    }
}
