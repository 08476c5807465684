package io.fleetdiag.benchmarks;

import io.fleetdiag.benchmarks.report.ScenarioResult;

/** One benchmark: runs against the context's broker, registry and simulator and says what it measured. */
public interface Scenario {

    /** Short, stable: the JSON key and the --only value. */
    String name();

    ScenarioResult run(BenchContext context) throws Exception;

    /** True when, at this size, it is too long for a run of everything and runs only when named with --only; at smoke every scenario runs. */
    default boolean onlyWhenNamed(BenchmarkSize size) {
        return false;
    }
}
