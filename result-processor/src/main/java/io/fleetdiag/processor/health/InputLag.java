package io.fleetdiag.processor.health;

import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Records behind the input partitions, from the main consumers' {@code records-lag} metrics (one per
 * owned partition). The restore and global consumers are left out: restoring is reported on its own.
 */
public final class InputLag {

    private InputLag() {
    }

    public static long of(Map<MetricName, ? extends Metric> metrics) {
        long lag = 0;
        for (Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
            MetricName name = entry.getKey();
            String client = name.tags().getOrDefault("client-id", "");
            if (name.name().equals("records-lag") && name.group().equals("consumer-fetch-manager-metrics")
                    && name.tags().containsKey("partition") && client.endsWith("-consumer")
                    && !client.endsWith("restore-consumer") && !client.endsWith("global-consumer")
                    && entry.getValue().metricValue() instanceof Number value && !Double.isNaN(value.doubleValue())) {
                lag += Math.max(0, (long) value.doubleValue());
            }
        }
        return lag;
    }
}
