package io.fleetdiag.benchmarks.support;

import java.util.Arrays;
import java.util.Collection;

/** Percentiles by nearest rank, which on 100 samples makes p99 the second largest. */
public final class Stats {

    private Stats() {
    }

    public static double percentile(Collection<Double> samples, double percentile) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public static double mean(Collection<Double> samples) {
        return samples.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    public static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
