package io.fleetdiag.benchmarks.processor;

import io.fleetdiag.benchmarks.BenchContext;
import io.fleetdiag.benchmarks.BenchmarkSize;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.StreamsConfig;

/**
 * What the processor scenarios put through the processor: the results of the options' terminals and rounds, sampled from the
 * simulator, and the report parameters that describe them, the same in each scenario so that their figures compare.
 */
record ProcessorWorkload(ProcessorOptions options, int terminals, int rounds, ResultInput input) {

    ProcessorWorkload {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(input, "input");
    }

    /** The run's options at its size, their results diagnosed from the simulator. */
    static ProcessorWorkload sample(BenchContext context) throws Exception {
        BenchmarkSize size = context.size();
        ProcessorOptions options = context.processorOptions();
        int terminals = options.terminals(size);
        int rounds = options.rounds(size);
        return new ProcessorWorkload(options, terminals, rounds, ResultInput.sample(size.processorTerminals, terminals, rounds));
    }

    /**
     * The workload's parameters, then {@code runs} (what the scenario repeats: pairs, instances) and the partitions and
     * processing guarantee it ran with; a scenario adds its own after these.
     */
    Map<String, Object> parameters(String runs, int count, int partitions) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("terminals", terminals);
        parameters.put("resultsPerTerminal", rounds);
        parameters.put("results", input.results());
        parameters.put(runs, count);
        parameters.put("partitions", partitions);
        parameters.put("processingGuarantee", StreamsConfig.EXACTLY_ONCE_V2);
        return parameters;
    }
}
