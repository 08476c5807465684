package io.fleetdiag.processor.health;

import io.fleetdiag.service.ServiceHttp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams.State;

/**
 * The processor's probes from what its Streams instance is doing. Live while it starts, runs, rebalances or
 * restores state: killing a pod that restores only makes it restore again from the start. Ready only when
 * it runs, restores nothing and its input lag is within {@code maxLag}: its queries then answer from
 * current state. {@code /health} keeps its old meaning (running or rebalancing).
 *
 * @param maxLag the most records behind its input partitions an instance may be and still take queries
 */
public record StreamsProbe(long maxLag) {

    private static final Set<State> LIVE = Set.of(State.CREATED, State.REBALANCING, State.RUNNING);

    public StreamsProbe {
        if (maxLag < 0) {
            throw new IllegalArgumentException("maxLag must not be negative: " + maxLag);
        }
    }

    /**
     * @param restoring        state store partitions being restored now
     * @param restoreRemaining changelog records they still have to read
     * @param lag              records behind the input partitions this instance owns
     */
    public ServiceHttp.Health health(State state, int restoring, long restoreRemaining, long lag) {
        boolean up = state == State.RUNNING || state == State.REBALANCING;
        boolean live = LIVE.contains(state) || restoring > 0;
        boolean ready = state == State.RUNNING && restoring == 0 && lag <= maxLag;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("streams", state.name());
        details.put("restoringStores", restoring);
        details.put("restoreRemaining", restoreRemaining);
        details.put("lag", lag);
        details.put("maxLag", maxLag);
        if (!ready) {
            details.put("reason", reason(state, restoring, lag));
        }
        return new ServiceHttp.Health(up, live, ready, details);
    }

    private String reason(State state, int restoring, long lag) {
        if (restoring > 0) {
            return "restoring " + restoring + " state store partitions";
        }
        if (state != State.RUNNING) {
            return "streams " + state.name();
        }
        return lag + " records behind, more than " + maxLag;
    }
}
