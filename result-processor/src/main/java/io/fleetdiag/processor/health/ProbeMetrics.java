package io.fleetdiag.processor.health;

import io.fleetdiag.service.ServiceHttp;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;

/**
 * What the probes see, as gauges: the alert rules and the dashboard (deploy/prometheus) watch the same
 * lag, restoration and readiness that decide {@code /health/ready}, not a second reading of Streams' metrics.
 */
public final class ProbeMetrics {

    private ProbeMetrics() {
    }

    public static void bind(MeterRegistry registry, Supplier<ServiceHttp.Health> health) {
        Gauge.builder("fleetdiag.processor.input.lag", health, now -> number(now.get(), "lag"))
                .description("Records behind the input partitions this instance owns").register(registry);
        Gauge.builder("fleetdiag.processor.restoring.stores", health, now -> number(now.get(), "restoringStores"))
                .description("State store partitions restoring now").register(registry);
        Gauge.builder("fleetdiag.processor.restore.remaining", health, now -> number(now.get(), "restoreRemaining"))
                .description("Changelog records the restoring stores still have to read").register(registry);
        Gauge.builder("fleetdiag.processor.ready", health, now -> now.get().ready() ? 1 : 0)
                .description("1 while /health/ready answers 200").register(registry);
    }

    private static double number(ServiceHttp.Health health, String key) {
        return health.details().get(key) instanceof Number number ? number.doubleValue() : Double.NaN;
    }
}
