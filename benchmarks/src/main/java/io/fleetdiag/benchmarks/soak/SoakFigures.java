package io.fleetdiag.benchmarks.soak;

import io.fleetdiag.benchmarks.BenchmarkSize.Soak;
import io.fleetdiag.benchmarks.report.Figure;
import io.fleetdiag.benchmarks.report.ScenarioResult;
import io.fleetdiag.benchmarks.support.Stats;
import io.fleetdiag.schemas.DiagnosisOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the soak measured, as figures beside their baselines and goals (issue 23) and the parameters it ran with. The
 * steady window's figures come from its samples and the watch's tally at its end only, so an outage after it
 * ({@code outage}, null without one) adds its rows and changes none of these.
 */
record SoakFigures(Soak soak, int fleet, int controlTerminals, long fromMs, long toMs, Sample start, Sample end, List<Double> ages,
                   List<Double> lag, SoakWatch.Tally tally, OutageFigures outage) {

    /** The three services of fleetdiag; the simulator stands in for Adyen and the broker for the customer's Kafka. */
    private static final List<String> SERVICES = List.of("processor", "dispatcher", "poller");
    /** Issue 23's run at Adyen's cadence, 100,000 terminals, before this scenario existed: the cost it is compared with. */
    private static final double ISSUE_23_CPU_MS_PER_TERMINAL_HOUR = 27;
    private static final double CPU_SHARE_GOAL = 0.40;
    private static final long RSS_GOAL_BYTES = 1536L * 1024 * 1024;
    private static final double CHECKS_GOAL = 0.95;

    /** CPU time of every process (in start order), of this JVM and of the machine, and each process's peak RSS so far, at one instant. */
    record Sample(Map<String, Long> cpuNanos, Map<String, Long> peakRssBytes, long thisJvmNanos, long[] machineJiffies, long wallNanos) {
        static Sample take(SoakProcesses processes) {
            return new Sample(processes.cpuNanos(), processes.peakRssBytes(), CpuClock.thisJvmNanos(), CpuClock.machineJiffies(),
                    System.nanoTime());
        }
    }

    /** Issue 23's demand: every terminal checked once a check interval. */
    static double demand(Soak soak, int fleet) {
        return fleet / (double) soak.checkInterval().toSeconds();
    }

    ScenarioResult result(String scenario, double seconds) {
        double window = (toMs - fromMs) / 1000.0;
        double wallNanos = end.wallNanos() - start.wallNanos();
        int cores = Runtime.getRuntime().availableProcessors();
        double demand = demand(soak, fleet);
        double checks = tally.scheduled() / window;
        double ageBound = soak.checkInterval().toSeconds() + 30;
        double ageP99 = Stats.percentile(ages, 99);
        long falseAlerts = tally.falseAlerts().size();
        List<Figure> figures = new ArrayList<>(List.of(
                Figure.against("scheduled checks per second", checks, "checks/s", "demand: terminals / check interval", demand,
                        "ratio >= " + CHECKS_GOAL, checks >= CHECKS_GOAL * demand),
                Figure.info("last successful check's age, p50", Stats.percentile(ages, 50), "s"),
                Figure.against("last successful check's age, p99", ageP99, "s", "check interval + 30 s", ageBound, "ratio <= 1",
                        ageP99 <= ageBound),
                Figure.info("last successful check's age, max", Stats.percentile(ages, 100), "s"),
                Figure.info("processor lag, p99", Stats.percentile(lag, 99), "records"),
                Figure.target("false alerts: control terminals alerted", falseAlerts, "terminals", "= 0", falseAlerts == 0),
                Figure.info("GAVE_UP results", tally.outcomes(DiagnosisOutcome.GAVE_UP), "results"),
                Figure.info("SUCCESS results", tally.outcomes(DiagnosisOutcome.SUCCESS), "results")));
        double servicesNanos = 0;
        long servicesRss = 0;
        for (String name : end.cpuNanos().keySet()) {
            double used = end.cpuNanos().get(name) - start.cpuNanos().get(name);
            long rss = end.peakRssBytes().get(name);
            figures.add(Figure.info("CPU share, " + name, 100 * used / (wallNanos * cores), "% of " + cores + " cores"));
            figures.add(Figure.info("peak RSS, " + name, Stats.mib(rss), "MiB"));
            if (SERVICES.contains(name)) {
                servicesNanos += used;
                servicesRss += rss;
            }
        }
        double brokerNanos = end.thisJvmNanos() - start.thisJvmNanos();
        figures.add(Figure.info("CPU share, broker and harness (this JVM)", 100 * brokerNanos / (wallNanos * cores), "% of " + cores + " cores"));
        figures.add(Figure.info("peak RSS, broker and harness (this JVM)", Stats.mib(CpuClock.thisJvmPeakRssBytes()), "MiB"));
        double servicesShare = servicesNanos / (wallNanos * cores);
        figures.add(Figure.against("CPU share, three services", 100 * servicesShare, "%", "goal 40 %", 100 * CPU_SHARE_GOAL, "ratio <= 1",
                servicesShare <= CPU_SHARE_GOAL));
        figures.add(Figure.against("peak RSS, three services", Stats.mib(servicesRss), "MiB", "1.5 GiB", Stats.mib(RSS_GOAL_BYTES),
                "ratio <= 1", servicesRss <= RSS_GOAL_BYTES));
        double hours = wallNanos / 3.6e12;
        double perTerminalHour = servicesNanos / 1e6 / fleet / hours;
        figures.add(Figure.beside("CPU-ms per terminal per hour, three services", perTerminalHour, "ms",
                "issue 23, before", ISSUE_23_CPU_MS_PER_TERMINAL_HOUR));
        figures.add(Figure.info("CPU-ms per terminal per hour, with the broker", (servicesNanos + brokerNanos) / 1e6 / fleet / hours, "ms"));
        long busy = end.machineJiffies()[0] - start.machineJiffies()[0];
        long total = end.machineJiffies()[1] - start.machineJiffies()[1];
        figures.add(Figure.info("machine CPU busy, every process (other users too)", total == 0 ? 0 : 100.0 * busy / total, "%"));

        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("terminals", fleet);
        parameters.put("profile", "realistic");
        parameters.put("pollInterval", soak.pollInterval().toSeconds() + "s");
        parameters.put("checkInterval", soak.checkInterval().toSeconds() + "s");
        parameters.put("staleAfter", soak.checkInterval().multipliedBy(3).toSeconds() + "s");
        parameters.put("measuredSeconds", Math.round(window));
        parameters.put("controlTerminals", controlTerminals);
        parameters.put("ageSamples", ages.size());
        parameters.put("serviceJvm", String.join(" ", SoakProcesses.SERVICE_JVM));
        parameters.put("falseAlertsByTerminal", tally.falseAlerts());
        parameters.put("raisedByType", tally.raisedByType());
        if (outage != null) {
            figures.addAll(outage.figures());
            parameters.putAll(outage.parameters());
        }
        return new ScenarioResult(scenario, "A realistic fleet at a real cadence: checks against demand, check ages, lag, false alerts, cost"
                + (outage == null ? "" : "; then a dispatcher outage and the catch-up after it"),
                parameters, figures, seconds);
    }
}
