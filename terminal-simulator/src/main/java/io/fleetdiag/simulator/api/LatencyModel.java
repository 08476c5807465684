package io.fleetdiag.simulator.api;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** How long a terminal takes to answer: log-normal around a median; sigma 0 gives the median every time. */
public record LatencyModel(long medianMs, double sigma) {

    public LatencyModel {
        if (medianMs < 0 || sigma < 0) {
            throw new IllegalArgumentException("latency median and sigma must not be negative");
        }
    }

    public static LatencyModel fixed(Duration latency) {
        return new LatencyModel(latency.toMillis(), 0);
    }

    long drawMs(RandomGenerator random) {
        if (sigma == 0 || medianMs == 0) {
            return medianMs;
        }
        return Math.round(medianMs * Math.exp(sigma * random.nextGaussian()));
    }
}
