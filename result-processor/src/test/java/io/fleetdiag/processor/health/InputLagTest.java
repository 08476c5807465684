package io.fleetdiag.processor.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

class InputLagTest {

    @Test
    void sumsThePartitionLagsOfTheMainConsumersOnly() {
        Map<MetricName, Metric> metrics = new HashMap<>();
        put(metrics, "records-lag", "app-1-StreamThread-1-consumer", "0", 40.0);
        put(metrics, "records-lag", "app-1-StreamThread-2-consumer", "1", 2.0);
        put(metrics, "records-lag", "app-1-StreamThread-1-restore-consumer", "0", 1_000_000.0);
        put(metrics, "records-lag", "app-1-global-consumer", "0", 500.0);
        put(metrics, "records-lag", "app-1-StreamThread-1-consumer", "2", Double.NaN);
        put(metrics, "records-lag-max", "app-1-StreamThread-1-consumer", "0", 90.0);

        assertThat(InputLag.of(metrics)).isEqualTo(42);
        assertThat(InputLag.of(Map.of())).isZero();
    }

    private static void put(Map<MetricName, Metric> metrics, String name, String client, String partition, double value) {
        MetricName metricName = new MetricName(name, "consumer-fetch-manager-metrics", "",
                Map.of("client-id", client, "topic", "results", "partition", partition));
        metrics.put(metricName, new Metric() {
            @Override
            public MetricName metricName() {
                return metricName;
            }

            @Override
            public Object metricValue() {
                return value;
            }
        });
    }
}
