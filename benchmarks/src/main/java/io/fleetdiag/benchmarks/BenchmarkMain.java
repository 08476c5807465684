package io.fleetdiag.benchmarks;

import io.fleetdiag.benchmarks.dispatcher.DispatcherSweep;
import io.fleetdiag.benchmarks.endtoend.AlertLatency;
import io.fleetdiag.benchmarks.footprint.LocalFootprint;
import io.fleetdiag.benchmarks.lake.LakeIngest;
import io.fleetdiag.benchmarks.notifier.NotifierDelivery;
import io.fleetdiag.benchmarks.poller.PollerPublish;
import io.fleetdiag.benchmarks.presence.PresenceSnapshots;
import io.fleetdiag.benchmarks.processor.ProcessorInstances;
import io.fleetdiag.benchmarks.processor.ProcessorOptions;
import io.fleetdiag.benchmarks.processor.ProcessorThroughput;
import io.fleetdiag.benchmarks.report.Report;
import io.fleetdiag.benchmarks.report.ScenarioResult;
import io.fleetdiag.benchmarks.soak.SoakRun;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code benchmarks/run [smoke|default|full]}: every scenario, a table on the console, the figures as JSON. */
@Command(name = "benchmarks", mixinStandardHelpOptions = true,
        description = "Run fleetdiag's benchmarks against a real broker, registry and the simulator; print a table and write JSON.")
public final class BenchmarkMain implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private BenchmarkSize size;

    @Option(names = "--out", defaultValue = "benchmarks/results/latest.json", description = "Where the JSON goes (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--work-dir", description = "Broker data, service logs (default: a new temporary directory).")
    Path workDir;

    @Option(names = "--profile", description = "Record each service process with JFR (the .jfr files go next to its log; "
            + "benchmarks.jfr for the services this JVM runs, as the processor).")
    boolean profile;

    @Option(names = "--terminals", description = "processor, presence and soak: distinct terminals (default: the size's; for processor,"
            + " more than it samples are copies; soak: 100,000).")
    Integer terminals;

    @Option(names = "--minutes", description = "soak: how long it is measured (default: the size's; 30).")
    Integer minutes;

    @Option(names = "--outage-minutes", description = "soak: after the measured window, stop the dispatcher this long, start it again"
            + " and measure how long the fleet takes to catch up and what it alerts meanwhile (default: 0, no outage).")
    Integer outageMinutes;

    @Option(names = "--rounds", description = "processor: results per terminal (default: the size's).")
    Integer rounds;

    @Option(names = "--pairs", defaultValue = "3", description = "processor: paired runs, processor then pass-through (default ${DEFAULT-VALUE}).")
    int pairs;

    @Option(names = "--instances", defaultValue = "3", description = "processor-instances: processor instances run side by side, "
            + "against one (default ${DEFAULT-VALUE}).")
    int instances;

    @Option(names = "--setting", description = "processor: a processor setting for both topologies, KEY=VALUE (repeatable), "
            + "e.g. processor.stream-threads=2.")
    Map<String, String> settings = new LinkedHashMap<>();

    private List<String> only;

    // setters, so a misspelt size or scenario is refused when the arguments are parsed rather than run as nothing
    @Option(names = "--size", defaultValue = "default", description = "smoke, default or full (default ${DEFAULT-VALUE}).")
    void size(String value) {
        size = Arrays.stream(BenchmarkSize.values()).filter(s -> s.name().equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new ParameterException(spec.commandLine(), "--size takes smoke, default or full, not " + value));
    }

    @Option(names = "--only", split = ",", description = "Run only these scenarios: processor, processor-instances, presence, dispatcher, poller, end-to-end,"
            + " local-footprint, lake, notifier, soak (half an hour above the smoke size, so it runs only when named).")
    void only(List<String> names) {
        List<String> known = scenarios().stream().map(Scenario::name).toList();
        for (String name : names) {
            if (!known.contains(name)) {
                throw new ParameterException(spec.commandLine(), "--only takes " + String.join(", ", known) + ", not " + name);
            }
        }
        only = names;
    }

    public static void main(String[] args) {
        // the broker and services log to a file; the console is for the table
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "fleetdiag-bench-log4j2.xml");
        }
        System.exit(new CommandLine(new BenchmarkMain()).execute(args));
    }

    public static List<Scenario> scenarios() {
        return List.of(new ProcessorThroughput(), new ProcessorInstances(), new PresenceSnapshots(), new DispatcherSweep(), new PollerPublish(), new AlertLatency(),
                new LocalFootprint(), new LakeIngest(), new NotifierDelivery(), new SoakRun());
    }

    @Override
    public Integer call() throws Exception {
        Path work = workDir != null ? workDir : Files.createTempDirectory("fleetdiag-bench-");
        if (minutes != null && minutes < 1) {
            throw new ParameterException(spec.commandLine(), "--minutes takes a whole number of minutes from 1, not " + minutes);
        }
        if (outageMinutes != null && outageMinutes < 0) {
            throw new ParameterException(spec.commandLine(), "--outage-minutes takes a whole number of minutes from 0, not " + outageMinutes);
        }
        Report report = run(size, work, only, profile, new ProcessorOptions(terminals, rounds, pairs, settings, instances),
                size.soak.with(terminals, minutes, outageMinutes), System.out);
        report.write(out);
        System.out.println();
        report.print(System.out);
        System.out.println();
        System.out.println("Figures written to " + out.toAbsolutePath() + "; logs under " + work.resolve("logs"));
        return 0;
    }

    /** Not a static field: logging starts only once run() has named the log file. */
    private static Logger logger() {
        return LoggerFactory.getLogger(BenchmarkMain.class);
    }

    /** Runs the scenarios (all, or those named) and returns what they measured. */
    public static Report run(BenchmarkSize size, Path workDir, List<String> only, boolean profile, PrintStream progress) throws Exception {
        return run(size, workDir, only, profile, ProcessorOptions.DEFAULTS, size.soak, progress);
    }

    public static Report run(BenchmarkSize size, Path workDir, List<String> only, boolean profile, ProcessorOptions processor,
                             BenchmarkSize.Soak soak, PrintStream progress) throws Exception {
        Files.createDirectories(workDir);
        if (!profile) {
            return scenarios(size, workDir, only, false, processor, soak, progress);
        }
        // the processor scenario runs its services in this JVM, next to the broker; thread names tell them apart
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.setDestination(Files.createDirectories(workDir.resolve("logs")).resolve("benchmarks.jfr"));
            recording.start();
            return scenarios(size, workDir, only, true, processor, soak, progress);
        }
    }

    private static Report scenarios(BenchmarkSize size, Path workDir, List<String> only, boolean profile, ProcessorOptions processor,
                                    BenchmarkSize.Soak soak, PrintStream progress) throws Exception {
        System.setProperty("fleetdiag.bench.log", workDir.resolve("logs").resolve("benchmarks.log").toString());
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        List<ScenarioResult> results = new ArrayList<>();
        try (BenchContext context = new BenchContext(size, workDir, profile, processor, soak, progress)) {
            for (Scenario scenario : scenarios()) {
                boolean named = only != null && !only.isEmpty();
                if (named ? !only.contains(scenario.name()) : scenario.onlyWhenNamed(size)) {
                    continue;
                }
                progress.printf("%s (%s) ...%n", scenario.name(), size.label());
                long from = System.nanoTime();
                ScenarioResult result;
                try {
                    result = scenario.run(context);
                } catch (Exception e) {
                    // the other scenarios still run; the report says this one failed and why
                    logger().error("Scenario {} failed", scenario.name(), e);
                    result = ScenarioResult.failed(scenario.name(), (System.nanoTime() - from) / 1e9, e);
                }
                progress.printf(Locale.ROOT, "%s done in %.0f s%s%n", scenario.name(), result.seconds(),
                        result.error() != null ? ": FAILED, " + result.error() : result.targetsMet() ? "" : ": a target was missed");
                results.add(result);
            }
        }
        return new Report(size.label(), startedAt, (System.nanoTime() - started) / 1e9, Report.thisMachine(), results);
    }
}
