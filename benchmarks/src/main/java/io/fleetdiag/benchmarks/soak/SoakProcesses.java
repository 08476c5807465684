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
    private final Map<String, JavaProcess> running = new LinkedHashMap<>();

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
        dispatcher.put("dispatcher.group-id", prefix + "dispatcher");
        Map<String, String> poller = new HashMap<>(common);
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

    private void service(String prefix, String name, Map<String, String> settings) throws IOException {
        Path file = ServiceFiles.write(context.workDir().resolve(prefix + name + ".properties"), settings);
        keep(name, JavaProcess.start(name, MAIN, context.jvmOptions(name, SERVICE_JVM), List.of(name, file.toString()),
                Map.of("ADYEN_API_KEY", BenchContext.API_KEY), logs.resolve(prefix + name + ".log")));
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

    /** By name, in start order: simulator, processor, dispatcher, poller. */
    Map<String, JavaProcess> processes() {
        return running;
    }

    /** CPU time of each process so far, by name. */
    Map<String, Long> cpuNanos() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        running.forEach((name, process) -> cpu.put(name, CpuClock.processNanos(process.pid()).orElse(0)));
        return cpu;
    }

    @Override
    public void close() throws InterruptedException {
        List<String> names = new ArrayList<>(running.keySet());
        for (int i = names.size() - 1; i >= 0; i--) {
            running.get(names.get(i)).stop(30);
        }
    }
}
