package io.fleetdiag.simulator.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the simulator was asked and how it answered: requests by kind and outcome, the most requests
 * any one terminal handled at once, and violations (a second request reaching a terminal that was
 * still handling one, which a real terminal would answer Busy).
 */
public final class SimulatorStats {

    private final Map<String, Map<String, LongAdder>> requests = new ConcurrentHashMap<>();
    private final AtomicInteger maxInFlightPerTerminal = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongAdder violations = new LongAdder();
    private final LongAdder duplicateServiceIds = new LongAdder();
    private final LongAdder serviceIdsOutOfFormat = new LongAdder();

    void record(String kind, String outcome) {
        requests.computeIfAbsent(kind, key -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, key -> new LongAdder()).increment();
    }

    void terminalInFlight(int count) {
        maxInFlightPerTerminal.accumulateAndGet(count, Math::max);
        if (count > 1) {
            violations.increment();
        }
    }

    void callStarted() {
        inFlight.incrementAndGet();
    }

    void callFinished() {
        inFlight.decrementAndGet();
    }

    void duplicateServiceId() {
        duplicateServiceIds.increment();
    }

    void serviceIdOutOfFormat() {
        serviceIdsOutOfFormat.increment();
    }

    /** ServiceIDs that were not 1-10 alphanumeric characters. */
    public long serviceIdsOutOfFormat() {
        return serviceIdsOutOfFormat.sum();
    }

    public long count(String kind, String outcome) {
        Map<String, LongAdder> outcomes = requests.get(kind);
        LongAdder adder = outcomes == null ? null : outcomes.get(outcome);
        return adder == null ? 0 : adder.sum();
    }

    public long total(String kind) {
        Map<String, LongAdder> outcomes = requests.get(kind);
        return outcomes == null ? 0 : outcomes.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public long violations() {
        return violations.sum();
    }

    public int maxInFlightPerTerminal() {
        return maxInFlightPerTerminal.get();
    }

    public int inFlight() {
        return inFlight.get();
    }

    public long duplicateServiceIds() {
        return duplicateServiceIds.sum();
    }

    public void reset() {
        requests.clear();
        maxInFlightPerTerminal.set(0);
        violations.reset();
        duplicateServiceIds.reset();
        serviceIdsOutOfFormat.reset();
    }

    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        ObjectNode byKind = json.putObject("requests");
        new TreeMap<>(requests).forEach((kind, outcomes) -> {
            ObjectNode node = byKind.putObject(kind);
            new TreeMap<>(outcomes).forEach((outcome, adder) -> node.put(outcome, adder.sum()));
        });
        json.put("inFlight", inFlight());
        json.put("maxInFlightPerTerminal", maxInFlightPerTerminal());
        json.put("violations", violations());
        json.put("duplicateServiceIds", duplicateServiceIds());
        json.put("serviceIdsOutOfFormat", serviceIdsOutOfFormat());
        return json;
    }
}
