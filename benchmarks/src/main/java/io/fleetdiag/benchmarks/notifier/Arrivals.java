package io.fleetdiag.benchmarks.notifier;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When each alert edge first reached one reader (the webhook receiver, or the plain consumer), by
 * {@code alertId/status}, on this JVM's nano clock; how many arrived again; and any RESOLVED that came
 * before its RAISED.
 */
final class Arrivals {

    private final Map<String, Long> first = new ConcurrentHashMap<>();
    private final AtomicLong repeats = new AtomicLong();
    private final AtomicLong outOfOrder = new AtomicLong();

    void arrived(String alertId, String status, long nanos) {
        if (first.putIfAbsent(alertId + "/" + status, nanos) != null) {
            repeats.incrementAndGet();
        }
        if ("RESOLVED".equals(status) && !first.containsKey(alertId + "/RAISED")) {
            outOfOrder.incrementAndGet();
        }
    }

    /** When the edge arrived, or null when it has not. */
    Long at(String alertId, String status) {
        return first.get(alertId + "/" + status);
    }

    int distinct() {
        return first.size();
    }

    long repeats() {
        return repeats.get();
    }

    long outOfOrder() {
        return outOfOrder.get();
    }
}
