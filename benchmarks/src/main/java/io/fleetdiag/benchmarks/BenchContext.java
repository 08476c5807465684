package io.fleetdiag.benchmarks;

import io.fleetdiag.benchmarks.processor.ProcessorOptions;
import io.fleetdiag.benchmarks.support.BenchCluster;
import io.fleetdiag.service.ServiceConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What every scenario gets: the size, a work directory, and the shared broker and registry, started on first use. */
public final class BenchContext implements AutoCloseable {

    /** The Adyen API key the simulators of every scenario take. */
    public static final String API_KEY = "fleetdiag-bench-key";

    private final BenchmarkSize size;
    private final Path workDir;
    private final boolean profile;
    private final ProcessorOptions processorOptions;
    private final BenchmarkSize.Soak soak;
    private final PrintStream progress;
    private BenchCluster cluster;

    public BenchContext(BenchmarkSize size, Path workDir, boolean profile, ProcessorOptions processorOptions, PrintStream progress) {
        this(size, workDir, profile, processorOptions, size.soak, progress);
    }

    /** @param soak the size's soak, or another fleet or length given on the command line */
    public BenchContext(BenchmarkSize size, Path workDir, boolean profile, ProcessorOptions processorOptions, BenchmarkSize.Soak soak,
                        PrintStream progress) {
        this.size = size;
        this.workDir = workDir;
        this.profile = profile;
        this.processorOptions = processorOptions;
        this.soak = soak;
        this.progress = progress;
    }

    /** The options of a service's own JVM, with a JFR recording into the logs when the run profiles. */
    public List<String> jvmOptions(String name, List<String> options) {
        if (!profile) {
            return options;
        }
        List<String> profiled = new java.util.ArrayList<>(options);
        profiled.add("-XX:StartFlightRecording=settings=profile,filename=" + workDir.resolve("logs").resolve(name + ".jfr"));
        return profiled;
    }

    public BenchmarkSize size() {
        return size;
    }

    public ProcessorOptions processorOptions() {
        return processorOptions;
    }

    public BenchmarkSize.Soak soak() {
        return soak;
    }

    /** Where a scenario says how it is getting on, between the lines the runner prints. */
    public PrintStream progress() {
        return progress;
    }

    public Path workDir() {
        return workDir;
    }

    public BenchCluster cluster() throws Exception {
        if (cluster == null) {
            cluster = BenchCluster.start(workDir);
        }
        return cluster;
    }

    /** A topic prefix of its own for each scenario run, so runs never read each other's records. */
    public static String prefix(String scenario) {
        return "bench-" + scenario + "-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    }

    /** A service's defaults with the cluster's settings and {@code overrides} on top. */
    public ServiceConfig serviceConfig(List<Map<String, String>> defaults, String prefix, Map<String, String> overrides) throws Exception {
        Map<String, String> values = new HashMap<>();
        defaults.forEach(values::putAll);
        values.putAll(cluster().serviceSettings(prefix));
        values.putAll(overrides);
        return ServiceConfig.of(values);
    }

    @Override
    public void close() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }
}
