package io.fleetdiag.poller;

import io.fleetdiag.terminalapi.CallOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/** The poller's meters: poll latency, publish latency and failures per scope, terminals live, snapshots and checks sent, leadership. */
final class PollerMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> live = new ConcurrentHashMap<>();

    /** @param scopes every scope's failure counters start at 0, so the first failure is an increase Prometheus can see */
    PollerMetrics(MeterRegistry registry, BooleanSupplier leading, Collection<String> scopes) {
        this.registry = registry;
        Gauge.builder("fleetdiag.poller.leader", () -> leading.getAsBoolean() ? 1 : 0)
                .description("1 while this instance holds the poller lease").register(registry);
        for (String scope : scopes) {
            for (CallOutcome outcome : CallOutcome.values()) {
                if (outcome != CallOutcome.SUCCESS) {
                    failures(scope, outcome.name());
                }
            }
        }
    }

    void polled(String scope, Duration latency, int terminals) {
        Timer.builder("fleetdiag.poller.poll.latency").tag("scope", scope).publishPercentileHistogram()
                .description("Duration of /connectedTerminals calls").register(registry).record(latency);
        live.computeIfAbsent(scope, key -> {
            AtomicInteger value = new AtomicInteger();
            Gauge.builder("fleetdiag.poller.terminals.live", value, AtomicInteger::get).tag("scope", key)
                    .description("Terminals with a live cloud connection at the last poll").register(registry);
            return value;
        }).set(terminals);
    }

    void failed(String scope, String outcome) {
        failures(scope, outcome).increment();
    }

    private Counter failures(String scope, String outcome) {
        return Counter.builder("fleetdiag.poller.poll.failures").tag("scope", scope).tag("outcome", outcome)
                .description("Polls that published no snapshot").register(registry);
    }

    /** {@code took}: from the /connectedTerminals answer to the broker acknowledging its transaction. */
    void published(String scope, int snapshotChunks, int checks, Duration took) {
        Timer.builder("fleetdiag.poller.publish.latency").tag("scope", scope)
                .description("From a /connectedTerminals answer to its snapshot and checks committed on Kafka").register(registry).record(took);
        Counter.builder("fleetdiag.poller.snapshot.chunks").register(registry).increment(snapshotChunks);
        Counter.builder("fleetdiag.poller.checks.scheduled").register(registry).increment(checks);
    }
}
