package io.fleetdiag.faults.inject;

import io.fleetdiag.faults.cluster.RestartableBroker;
import io.fleetdiag.faults.report.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The broker stops and starts again after {@code down}. It has no checks of its own: what it may break
 * (lost checks, repeated alerts) the delivery checks count.
 */
public final class BrokerRestarts implements Fault {

    private final RestartableBroker broker;
    private final List<Duration> stops;
    private final Duration down;

    public BrokerRestarts(RestartableBroker broker, List<Duration> stops, Duration down) {
        this.broker = broker;
        this.stops = List.copyOf(stops);
        this.down = down;
    }

    /** {@code count} stops, the last one early enough for the broker to be back before the chaos ends. */
    public static List<Duration> draw(Random random, int count, Duration chaos) {
        long millis = chaos.toMillis();
        return Moments.spread(random, count, millis / 6, millis - 30_000, 25_000);
    }

    @Override
    public List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        for (Duration at : stops) {
            steps.add(Step.onTimeline(at, "broker stops", broker::stop));
            steps.add(Step.onTimeline(at.plus(down), "broker starts", broker::startAgain));
        }
        return steps;
    }

    @Override
    public List<Verdict.Check> checks() {
        return List.of();
    }
}
