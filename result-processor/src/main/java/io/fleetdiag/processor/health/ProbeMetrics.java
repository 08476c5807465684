package io.fleetdiag.processor.health;

import io.fleetdiag.service.ServiceHttp;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * What the probes see, as gauges: the alert rules and the dashboard (deploy/prometheus) watch the same
 * lag, restoration and readiness that decide {@code /health/ready}, not a second reading of Streams' metrics.
 */
public final class ProbeMetrics {

    private ProbeMetrics() {
    }

    public static void bind(MeterRegistry registry, Supplier<ServiceHttp.Health> health) {
        gauge(registry, "fleetdiag.processor.input.lag", "Records behind the input partitions this instance owns", health,
                now -> number(now, "lag"));
        gauge(registry, "fleetdiag.processor.restoring.stores", "State store partitions restoring now", health,
                now -> number(now, "restoringStores"));
        gauge(registry, "fleetdiag.processor.restore.remaining", "Changelog records the restoring stores still have to read", health,
                now -> number(now, "restoreRemaining"));
        gauge(registry, "fleetdiag.processor.ready", "1 while /health/ready answers 200", health, now -> now.ready() ? 1 : 0);
    }

    private static void gauge(MeterRegistry registry, String name, String description, Supplier<ServiceHttp.Health> health,
                              ToDoubleFunction<ServiceHttp.Health> value) {
        Gauge.builder(name, health, source -> value.applyAsDouble(source.get())).description(description).register(registry);
    }

    private static double number(ServiceHttp.Health health, String key) {
        return health.details().get(key) instanceof Number number ? number.doubleValue() : Double.NaN;
    }
}
