package io.fleetdiag.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** The alert rules take increase() of these counters, which cannot see a series that is born at 1. */
class DispatcherMetricsTest {

    @Test
    void theCountersTheAlertsWatchStartAtZero() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DispatcherMetrics metrics = new DispatcherMetrics(registry);

        assertThat(registry.get("fleetdiag.dispatcher.expired.unattempted").counter().count()).isZero();
        assertThat(registry.get("fleetdiag.dispatcher.dead.letters").counter().count()).isZero();

        metrics.deadLettered();
        metrics.expiredUnattempted();
        assertThat(registry.get("fleetdiag.dispatcher.dead.letters").counter().count()).isEqualTo(1);
        assertThat(registry.get("fleetdiag.dispatcher.expired.unattempted").counter().count()).isEqualTo(1);
    }
}
