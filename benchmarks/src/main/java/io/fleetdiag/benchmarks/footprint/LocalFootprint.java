package io.fleetdiag.benchmarks.footprint;

import io.fleetdiag.benchmarks.BenchContext;
import io.fleetdiag.benchmarks.BenchmarkSize;
import io.fleetdiag.benchmarks.Scenario;
import io.fleetdiag.benchmarks.report.Figure;
import io.fleetdiag.benchmarks.report.ScenarioResult;
import io.fleetdiag.benchmarks.support.LocalRun;
import io.fleetdiag.benchmarks.support.Stats;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario 5: {@code fleetdiag local} as a user starts it (the demo fleet, ./fleetdiag's JVM options)
 * with 10,000 terminals: seconds until the REST API shows live terminals, then the peak resident set
 * of the whole process (broker, registry, simulator and the three services) while it runs.
 */
public final class LocalFootprint implements Scenario {

    private static final long BUDGET_BYTES = 1536L * 1024 * 1024;
    private static final double LIVE_WITHIN_SECONDS = 20;

    @Override
    public String name() {
        return "local-footprint";
    }

    @Override
    public ScenarioResult run(BenchContext context) throws Exception {
        BenchmarkSize size = context.size();
        long started = System.nanoTime();
        try (LocalRun local = LocalRun.start(context.workDir(), "footprint", size.footprintTerminals, "demo")) {
            double live = local.awaitLiveTerminals(Duration.ofMinutes(3));
            long until = System.nanoTime() + size.footprintObserve.toNanos();
            long onlineSeen = 0;
            while (System.nanoTime() < until) {
                if (!local.process().alive()) {
                    throw new IllegalStateException("fleetdiag local exited (" + local.process().exitValue() + "); see " + local.process().log());
                }
                onlineSeen = Math.max(onlineSeen, local.online());
                Thread.sleep(1_000);
            }
            long peak = local.process().peakRssBytes().orElse(0);
            long now = local.process().rssBytes().orElse(0);
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("terminals", size.footprintTerminals);
            parameters.put("profile", "demo");
            parameters.put("jvmOptions", String.join(" ", LocalRun.JVM_OPTIONS));
            parameters.put("observedSeconds", size.footprintObserve.toSeconds());
            return new ScenarioResult(name(), "fleetdiag local with a fleet: time to live terminals and peak RSS of the process",
                    parameters, List.of(
                            Figure.against("time to live terminals", live, "s", "20 s", LIVE_WITHIN_SECONDS, "ratio <= 1",
                                    live <= LIVE_WITHIN_SECONDS),
                            Figure.against("peak RSS", Stats.mib(peak), "MiB", "1.5 GiB", Stats.mib(BUDGET_BYTES), "ratio <= 1",
                                    peak <= BUDGET_BYTES),
                            Figure.info("RSS at the end", Stats.mib(now), "MiB"),
                            Figure.info("terminals online, most seen", onlineSeen, "terminals")),
                    (System.nanoTime() - started) / 1e9);
        }
    }
}
