package io.fleetdiag.benchmarks.processor;

import io.fleetdiag.benchmarks.BenchmarkSize;
import java.util.Map;

/**
 * How the processor scenario runs beyond its size: distinct terminals and results per terminal (null:
 * the size's), paired runs, processor settings put on both topologies (e.g. processor.stream-threads), and how
 * many processor instances processor-instances runs side by side.
 */
public record ProcessorOptions(Integer terminals, Integer rounds, int pairs, Map<String, String> settings, int instances) {

    public static final ProcessorOptions DEFAULTS = new ProcessorOptions(null, null, 3, Map.of(), 3);

    public ProcessorOptions {
        settings = Map.copyOf(settings);
        if (pairs < 1) {
            throw new IllegalArgumentException("The processor scenario needs at least one pair of runs, not " + pairs);
        }
        if (instances < 2) {
            throw new IllegalArgumentException("processor-instances compares one instance with several: at least 2, not " + instances);
        }
    }

    int terminals(BenchmarkSize size) {
        return terminals == null ? size.processorTerminals : terminals;
    }

    int rounds(BenchmarkSize size) {
        return rounds == null ? size.processorRounds : rounds;
    }
}
