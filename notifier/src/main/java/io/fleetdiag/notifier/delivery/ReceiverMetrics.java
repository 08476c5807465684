package io.fleetdiag.notifier.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;

/** One receiver's meters: notifications sent, attempts retried, notifications given up on, latency from the record to the receiver's yes, backlog. */
public final class ReceiverMetrics {

    private final Counter sent;
    private final Counter retried;
    private final Counter failed;
    private final Timer latency;

    public ReceiverMetrics(MeterRegistry registry, String receiver, Supplier<Number> backlog) {
        sent = Counter.builder("fleetdiag.notifier.sent").tag("receiver", receiver)
                .description("Notifications the receiver accepted").register(registry);
        retried = Counter.builder("fleetdiag.notifier.retried").tag("receiver", receiver)
                .description("Deliveries that failed and are tried again after a backoff").register(registry);
        failed = Counter.builder("fleetdiag.notifier.failed").tag("receiver", receiver)
                .description("Notifications given up on (refused, or retried for too long): dead-lettered").register(registry);
        latency = Timer.builder("fleetdiag.notifier.latency").tag("receiver", receiver).publishPercentileHistogram()
                .description("From the notifier taking a record to the receiver accepting it, retries included").register(registry);
        Gauge.builder("fleetdiag.notifier.backlog", backlog).tag("receiver", receiver)
                .description("Deliveries waiting for the receiver").register(registry);
    }

    void sent(int notifications, Duration took) {
        sent.increment(notifications);
        latency.record(took);
    }

    void retried() {
        retried.increment();
    }

    void failed(int notifications) {
        failed.increment(notifications);
    }
}
