package io.fleetdiag.dispatcher;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** The dispatcher's meters: calls in flight, queue depth, outcomes by class, retries, checks expired unattempted, latency, dead letters. */
final class DispatcherMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger delayed = new AtomicInteger();

    DispatcherMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("fleetdiag.dispatcher.inflight", inFlight, AtomicInteger::get)
                .description("Terminal API calls in flight").register(registry);
        Gauge.builder("fleetdiag.dispatcher.queue.depth", queued, AtomicInteger::get)
                .description("Checks waiting for their terminal or a free slot").register(registry);
        Gauge.builder("fleetdiag.dispatcher.delayed", delayed, AtomicInteger::get)
                .description("Checks waiting for their retry time").register(registry);
        // at 0 from the start: the alert rules take increase() of these, which cannot see a series born at 1
        expiredUnattemptedCounter();
        deadLettersCounter();
    }

    void gauges(int callsInFlight, int checksQueued, int timersSet) {
        inFlight.set(callsInFlight);
        queued.set(checksQueued);
        delayed.set(timersSet);
    }

    void answered(String outcome, Duration latency) {
        Timer.builder("fleetdiag.dispatcher.call.latency").tag("outcome", outcome).publishPercentileHistogram()
                .description("Duration of Terminal API diagnosis calls").register(registry)
                .record(latency == null ? Duration.ZERO : latency);
    }

    void finished(String outcome) {
        Counter.builder("fleetdiag.dispatcher.results").tag("outcome", outcome)
                .description("Checks finished, by outcome").register(registry).increment();
    }

    /**
     * A check whose deadline passed in the queue before its first attempt: fleetdiag fell behind, the terminal did
     * nothing wrong (its GAVE_UP result says 0 attempts, and the processor does not hold it against the terminal).
     */
    void expiredUnattempted() {
        expiredUnattemptedCounter().increment();
    }

    private Counter expiredUnattemptedCounter() {
        return Counter.builder("fleetdiag.dispatcher.expired.unattempted")
                .description("Checks whose deadline passed in the queue before any attempt (the dispatchers were behind)")
                .register(registry);
    }

    void retried() {
        Counter.builder("fleetdiag.dispatcher.retries").description("Checks sent to the retries topic").register(registry).increment();
    }

    void coalesced() {
        Counter.builder("fleetdiag.dispatcher.coalesced").description("Requests merged into a pending check of the same terminal")
                .register(registry).increment();
    }

    void deadLettered() {
        deadLettersCounter().increment();
    }

    private Counter deadLettersCounter() {
        return Counter.builder("fleetdiag.dispatcher.dead.letters")
                .description("Records sent to the dead-letter topic: undecodable requests, results too large to write").register(registry);
    }
}
