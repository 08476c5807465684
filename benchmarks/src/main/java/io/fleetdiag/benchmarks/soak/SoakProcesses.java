package io.fleetdiag.benchmarks.soak;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdiag.benchmarks.BenchContext;
import io.fleetdiag.benchmarks.BenchmarkSize.Soak;
import io.fleetdiag.testsupport.JavaProcess;
import io.fleetdiag.testsupport.harness.FreePorts;
import io.fleetdiag.testsupport.harness.Http;
import io.fleetdiag.testsupport.harness.ServiceFiles;
import io.fleetdiag.testsupport.harness.Waits;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The soak's processes, each started as an operator starts it ({@code fleetdiag simulator|processor|dispatcher|poller}
 * with a properties file), so each one's CPU time and resident set are its own: the simulator first, then, once the
 * control group is pinned, the processor, the dispatcher and the poller on the bench cluster.
 */
final class SoakProcesses implements AutoCloseable {

    static final List<String> SERVICE_JVM = List.of("-Xms128m", "-Xmx1g", "-XX:+UseG1GC");
    private static final String MAIN = "io.fleetdiag.launcher.FleetdiagCommand";

    private final BenchContext context;
    private final Path logs;
    private final int simulatorPort = FreePorts.next();
    private final int processorPort = FreePorts.next();
    private final int pollerPort = FreePorts.next();
    private final Map<String, JavaProcess> running = new LinkedHashMap<>();
    /** Each service's properties file and log, so it can be started again as it was. */
    private final Map<String, Launch> launches = new HashMap<>();

    private record Launch(Path settings, Path log) {
    }

    SoakProcesses(BenchContext context) {
        this.context = context;
        this.logs = context.workDir().resolve("logs");
    }

    /** The simulator with the soak's fleet on the realistic profile; returns every terminal the admin API lists. */
    JsonNode startSimulator(String prefix, Soak soak) throws Exception {
        JavaProcess simulator = keep("simulator", JavaProcess.start("simulator", MAIN, context.jvmOptions("simulator", SERVICE_JVM),
                List.of("simulator", "--port", Integer.toString(simulatorPort), "--terminals", Integer.toString(soak.terminals()),
                        "--profile", "realistic", "--api-key", BenchContext.API_KEY),
                Map.of(), logs.resolve(prefix + "simulator.log")));
        Waits.until("the simulator's admin API", Duration.ofMinutes(2), Duration.ofMillis(200), () -> {
            alive(simulator);
            return answer(simulatorUrl() + "/admin/stats") != null;
        });
        return Http.getJson(simulatorUrl() + "/admin/terminals?limit=" + (soak.terminals() + 1_000));
    }

    /** The JSON answer, or null while nothing answers yet (not listening, 404). */
    static JsonNode answer(String url) throws InterruptedException {
        try {
            return Http.getJsonOrNull(url);
        } catch (IOException notYet) {
            return null;
        }
    }

    String simulatorUrl() {
        return "http://127.0.0.1:" + simulatorPort;
    }

    String processorApi() {
        return "http://127.0.0.1:" + processorPort;
    }

    /** The three services, processor first so nothing it should read goes unread while it starts. */
    void startServices(String prefix, Soak soak, List<String> scopes, Map<String, String> cluster) throws IOException {
        Map<String, String> common = new HashMap<>(cluster);
        common.put("adyen.endpoint", simulatorUrl());
        common.put("adyen.allow-plain-http", "true");
        Map<String, String> processor = new HashMap<>(common);
        processor.put("processor.application-id", applicationId(prefix));
        processor.put("processor.state-dir", context.workDir().resolve(prefix + "processor-state").toString());
        // three missed checks, as the production defaults (15-minute checks, stale after 45 minutes)
        processor.put("processor.stale-after", soak.checkInterval().multipliedBy(3).toMillis() + "ms");
        processor.put("http.port", Integer.toString(processorPort));
        Map<String, String> dispatcher = new HashMap<>(common);
        dispatcher.put("dispatcher.group-id", dispatcherGroup(prefix));
        // its own port, any free one: a restarted dispatcher must not wait for its old socket, and nothing here reads it
        dispatcher.put("http.port", "0");
        Map<String, String> poller = new HashMap<>(common);
        // as an operator sets it: the poller paces its checks by this group's lag, which an outage makes grow
        poller.put("poller.dispatcher-group", dispatcherGroup(prefix));
        poller.put("http.port", Integer.toString(pollerPort));
        poller.put("poller.scopes", String.join(",", scopes));
        poller.put("poller.poll-interval", soak.pollInterval().toMillis() + "ms");
        poller.put("poller.check-interval", soak.checkInterval().toMillis() + "ms");
        poller.put("poller.transactional-id", prefix + "poller");
        service(prefix, "processor", processor);
        service(prefix, "dispatcher", dispatcher);
        service(prefix, "poller", poller);
    }

    static String applicationId(String prefix) {
        return prefix + "processor";
    }

    static String dispatcherGroup(String prefix) {
        return prefix + "dispatcher";
    }

    private void service(String prefix, String name, Map<String, String> settings) throws IOException {
        Launch launch = new Launch(ServiceFiles.write(context.workDir().resolve(prefix + name + ".properties"), settings),
                logs.resolve(prefix + name + ".log"));
        launches.put(name, launch);
        start(name, name, launch);
    }

    private void start(String name, String recording, Launch launch) throws IOException {
        // the log is appended to, so a restarted service's log follows its first life's
        keep(name, JavaProcess.start(name, MAIN, context.jvmOptions(recording, SERVICE_JVM), List.of(name, launch.settings().toString()),
                Map.of("ADYEN_API_KEY", BenchContext.API_KEY), launch.log()));
    }

    /** Stops a service as an operator does (SIGTERM: it leaves its group cleanly); it is not required alive until it is started again. */
    void stop(String name) throws InterruptedException {
        running.remove(name).stop(30);
    }

    /** Starts a stopped service again with its properties file; its JFR recording, if any, gets a name of its own. */
    void restart(String name) throws IOException {
        start(name, name + "-restarted", launches.get(name));
    }

    /** The poller's meters (Prometheus text): its checks held back and how far its sweep is behind. */
    String pollerMetrics() {
        return "http://127.0.0.1:" + pollerPort + "/metrics";
    }

    private JavaProcess keep(String name, JavaProcess process) {
        running.put(name, process);
        return process;
    }

    /** Throws, naming the log, when a process has exited. */
    void requireAlive() {
        running.values().forEach(SoakProcesses::alive);
    }

    private static void alive(JavaProcess process) {
        if (!process.alive()) {
            throw new IllegalStateException(process.name() + " exited (" + process.exitValue() + "); see " + process.log());
        }
    }

    /** CPU time of each process so far, by name. */
    Map<String, Long> cpuNanos() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        running.forEach((name, process) -> cpu.put(name, CpuClock.processNanos(process.pid()).orElse(0)));
        return cpu;
    }

    /** Each process's peak resident set so far (VmHWM), by name; 0 where /proc does not tell. */
    Map<String, Long> peakRssBytes() {
        Map<String, Long> rss = new LinkedHashMap<>();
        running.forEach((name, process) -> rss.put(name, process.peakRssBytes().orElse(0)));
        return rss;
    }

    @Override
    public void close() throws InterruptedException {
        List<String> names = new ArrayList<>(running.keySet());
        for (int i = names.size() - 1; i >= 0; i--) {
            running.get(names.get(i)).stop(30);
        }
    }
}
