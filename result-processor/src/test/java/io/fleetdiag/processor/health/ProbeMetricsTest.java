package io.fleetdiag.processor.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.service.ServiceHttp;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;

class ProbeMetricsTest {

    @Test
    void theGaugesFollowWhatTheProbesSeeUnderThePrometheusNamesTheRulesUse() {
        StreamsProbe probe = new StreamsProbe(100);
        AtomicReference<ServiceHttp.Health> now = new AtomicReference<>(probe.health(State.REBALANCING, 2, 5_000, 0));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ProbeMetrics.bind(registry, now::get);

        assertThat(registry.scrape()).contains("fleetdiag_processor_restoring_stores 2.0", "fleetdiag_processor_restore_remaining 5000.0",
                "fleetdiag_processor_ready 0.0", "fleetdiag_processor_input_lag 0.0");

        now.set(probe.health(State.RUNNING, 0, 0, 42));
        assertThat(registry.scrape()).contains("fleetdiag_processor_ready 1.0", "fleetdiag_processor_input_lag 42.0",
                "fleetdiag_processor_restoring_stores 0.0");
    }
}
