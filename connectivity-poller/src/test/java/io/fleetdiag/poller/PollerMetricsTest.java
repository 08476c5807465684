package io.fleetdiag.poller;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The alert on failing polls takes rate() of the failure counters, so they exist at 0 before the first failure. */
class PollerMetricsTest {

    @Test
    void everyScopesFailureCountersStartAtZeroAndCountFromThere() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        PollerMetrics metrics = new PollerMetrics(registry, () -> true, List.of("AcmeRetail_EU", "AcmeRetail_US/US-0001"));

        assertThat(registry.find("fleetdiag.poller.poll.failures").counters()).hasSize(2 * 5)
                .allSatisfy(counter -> assertThat(counter.count()).isZero());
        assertThat(registry.find("fleetdiag.poller.poll.failures").tag("outcome", "SUCCESS").counters()).isEmpty();

        metrics.failed("AcmeRetail_EU", "RETRY_LATER");
        assertThat(registry.get("fleetdiag.poller.poll.failures").tags("scope", "AcmeRetail_EU", "outcome", "RETRY_LATER").counter().count())
                .isEqualTo(1);
    }
}
