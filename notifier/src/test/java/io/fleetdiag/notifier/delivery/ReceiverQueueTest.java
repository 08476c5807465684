package io.fleetdiag.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetdiag.notifier.Alerts;
import io.fleetdiag.notifier.alert.Notification;
import io.fleetdiag.notifier.receivers.DeliveryFailure;
import io.fleetdiag.notifier.receivers.Receiver;
import io.fleetdiag.notifier.routing.Routing;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.service.retry.Backoff;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReceiverQueueTest {

    private static final Routing.Grouping NO_GROUPING = new Routing.Grouping(Duration.ZERO, Duration.ofMillis(1));
    private static final Backoff FAST = Backoff.exact(Duration.ofMillis(10), Duration.ofMillis(40));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    /** Fails its first {@code failures} attempts (retriably, or not), then takes everything. */
    private static class Flaky implements Receiver {
        private final String name;
        private final AtomicInteger failures;
        private final boolean retriable;
        private final List<Notification> accepted = new CopyOnWriteArrayList<>();
        private final AtomicInteger attempts = new AtomicInteger();

        Flaky(String name, int failures, boolean retriable) {
            this.name = name;
            this.failures = new AtomicInteger(failures);
            this.retriable = retriable;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void deliver(List<Notification> batch) throws DeliveryFailure {
            attempts.incrementAndGet();
            if (failures.getAndDecrement() > 0) {
                throw new DeliveryFailure("503 from the test", retriable, null, null);
            }
            accepted.addAll(batch);
        }
    }

    @Test
    void aReceiverThatFailsThreeTimesGetsEverythingInOrderAndTheRaiseNeverOvertakesItsResolve() throws Exception {
        Flaky flaky = new Flaky("flaky", 3, true);
        List<String> delivered = new CopyOnWriteArrayList<>();
        TerminalAlert raised = Alerts.raised("V400m-1", "EU-0001", AlertType.TERMINAL_OFFLINE, Severity.CRITICAL, Instant.parse("2026-12-05T10:00:00Z"));
        List<Notification> edges = List.of(Notification.of(raised), Notification.of(Alerts.resolved(raised, Instant.parse("2026-12-05T10:05:00Z"))));
        try (ReceiverQueue queue = new ReceiverQueue(flaky, NO_GROUPING, FAST, Duration.ofMinutes(1), registry, Clock.systemUTC())) {
            for (Notification edge : edges) {
                queue.submit(new Delivery(List.of(edge), Instant.now(), () -> delivered.add(edge.idempotencyKey()), reason -> { }));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() == 2);
        }
        assertThat(flaky.accepted).extracting(Notification::status).containsExactly(AlertStatus.RAISED, AlertStatus.RESOLVED);
        assertThat(delivered).containsExactly(edges.get(0).idempotencyKey(), edges.get(1).idempotencyKey());
        assertThat(flaky.attempts).hasValue(5);
        assertThat(registry.get("fleetdiag.notifier.retried").tag("receiver", "flaky").counter().count()).isEqualTo(3);
        assertThat(registry.get("fleetdiag.notifier.sent").tag("receiver", "flaky").counter().count()).isEqualTo(2);
        assertThat(registry.get("fleetdiag.notifier.latency").tag("receiver", "flaky").timer().count()).isEqualTo(2);
    }

    @Test
    void aDeadReceiverHoldsBackOnlyItsOwnQueue() throws Exception {
        Flaky dead = new Flaky("dead", Integer.MAX_VALUE, true);
        Flaky healthy = new Flaky("healthy", 0, true);
        Notification edge = Notification.of(Alerts.raised("V400m-2", "EU-0001", AlertType.BATTERY_LOW, Severity.WARNING, Instant.now()));
        try (ReceiverQueue deadQueue = new ReceiverQueue(dead, NO_GROUPING, FAST, Duration.ofMinutes(1), registry, Clock.systemUTC());
             ReceiverQueue healthyQueue = new ReceiverQueue(healthy, NO_GROUPING, FAST, Duration.ofMinutes(1), registry, Clock.systemUTC())) {
            for (int i = 0; i < 5; i++) {
                deadQueue.submit(new Delivery(List.of(edge), Instant.now(), () -> { }, reason -> { }));
                healthyQueue.submit(new Delivery(List.of(edge), Instant.now(), () -> { }, reason -> { }));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> healthy.accepted.size() == 5);
            assertThat(deadQueue.backlog()).isEqualTo(4);
        }
        assertThat(dead.accepted).isEmpty();
    }

    @Test
    void aRefusalIsGivenUpOnAtOnceWithTheReceiversAnswerAsTheReason() throws Exception {
        Flaky refusing = new Flaky("refusing", 1, false);
        List<String> reasons = new CopyOnWriteArrayList<>();
        Notification edge = Notification.of(Alerts.raised("V400m-3", "EU-0001", AlertType.BATTERY_LOW, Severity.WARNING, Instant.now()));
        try (ReceiverQueue queue = new ReceiverQueue(refusing, NO_GROUPING, FAST, Duration.ofMinutes(1), registry, Clock.systemUTC())) {
            queue.submit(new Delivery(List.of(edge), Instant.now(), () -> reasons.add("delivered"), reasons::add));
            await().atMost(Duration.ofSeconds(10)).until(() -> reasons.size() == 1);
        }
        assertThat(reasons).containsExactly("receiver refusing refused: 503 from the test");
        assertThat(refusing.attempts).hasValue(1);
        assertThat(registry.get("fleetdiag.notifier.failed").tag("receiver", "refusing").counter().count()).isEqualTo(1);
    }

    @Test
    void aStoresAlertsArriveAsOneGroup() throws Exception {
        Flaky grouped = new Flaky("grouped", 0, true) {
            @Override
            public boolean grouped() {
                return true;
            }
        };
        AtomicInteger done = new AtomicInteger();
        try (ReceiverQueue queue = new ReceiverQueue(grouped, new Routing.Grouping(Duration.ofMillis(300), Duration.ofSeconds(5)), FAST,
                Duration.ofMinutes(1), registry, Clock.systemUTC())) {
            for (int i = 0; i < 12; i++) {
                Notification edge = Notification.of(Alerts.raised("V400m-10" + i, "EU-0001", AlertType.TERMINAL_OFFLINE, Severity.WARNING,
                        Instant.now()));
                queue.submit(new Delivery(List.of(edge), Instant.now(), done::incrementAndGet, reason -> { }));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> done.get() == 12);
        }
        assertThat(grouped.attempts).hasValue(1);
        assertThat(grouped.accepted).hasSize(12);
    }
}
