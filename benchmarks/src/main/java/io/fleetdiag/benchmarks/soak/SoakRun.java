package io.fleetdiag.benchmarks.soak;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdiag.benchmarks.BenchContext;
import io.fleetdiag.benchmarks.BenchmarkSize;
import io.fleetdiag.benchmarks.BenchmarkSize.Soak;
import io.fleetdiag.benchmarks.Scenario;
import io.fleetdiag.benchmarks.report.ScenarioResult;
import io.fleetdiag.service.KafkaSettings;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.testsupport.harness.Waits;
import io.fleetdiag.topics.TopicCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;

/**
 * Scenario 8, the soak: a realistic fleet at a real cadence (by default 100,000 terminals, 30 s polls, 5-minute checks,
 * for 30 minutes), the simulator and the three services each its own process as an operator runs them, the broker in
 * this JVM. Before the services start, a control group of terminals is pinned online and healthy ({@link ControlGroup}).
 * Measured from the first snapshot on: scheduled checks per second against the demand (terminals / check interval), the
 * age of each control terminal's last successful check, sampled all along once a check interval has passed, the
 * processor's lag, false alerts (control terminals alerted), GAVE_UP results, and each process's CPU time and resident
 * set; {@link SoakFigures} turns them into the table. With {@code --outage-minutes}, a dispatcher outage and the catch-up
 * after it follow the measured window ({@link OutagePhase}). Half an hour is too long for a run of everything, so above
 * the smoke size it runs only when named: {@code benchmarks/run --only soak}.
 */
public final class SoakRun implements Scenario {

    @Override
    public String name() {
        return "soak";
    }

    @Override
    public boolean onlyWhenNamed(BenchmarkSize size) {
        return size != BenchmarkSize.SMOKE;
    }

    @Override
    public ScenarioResult run(BenchContext context) throws Exception {
        Soak soak = context.soak();
        long started = System.nanoTime();
        String prefix = BenchContext.prefix(name());
        Map<String, String> cluster = context.cluster().serviceSettings(prefix);
        Map<String, String> clientSettings = new HashMap<>(KafkaSettings.DEFAULTS);
        clientSettings.putAll(cluster);
        KafkaSettings kafka = new KafkaSettings(ServiceConfig.of(clientSettings), "fleetdiag-bench-soak");
        TopicCatalog catalog = kafka.catalog(kafka.registry());
        try (Admin admin = Admin.create(kafka.admin()); SoakProcesses processes = new SoakProcesses(context)) {
            kafka.prepare(admin, kafka.registry(), catalog.all());
            context.progress().printf("soak: starting the simulator with %,d terminals%n", soak.terminals());
            JsonNode terminals = processes.startSimulator(prefix, soak);
            Set<String> scopes = new LinkedHashSet<>();
            terminals.forEach(terminal -> scopes.add(terminal.path("merchantAccount").asText()));
            List<String> control = ControlGroup.pin(processes.simulatorUrl(), terminals);
            int fleet = terminals.size();
            terminals = null; // the listing of 100,000 terminals is not kept for half an hour
            try (SoakWatch watch = new SoakWatch(context.cluster().bootstrapServers(), catalog.results(), catalog.alerts(),
                    new HashSet<>(control))) {
                processes.startServices(prefix, soak, List.copyOf(scopes), cluster);
                context.progress().printf("soak: services started; waiting for the processor to count the fleet online%n");
                Waits.until("the processor to count most of the fleet online", Duration.ofMinutes(10), Duration.ofSeconds(1), () -> {
                    processes.requireAlive();
                    JsonNode state = SoakProcesses.answer(processes.processorApi() + "/api/fleet");
                    return state != null && state.path("online").asLong() >= 0.9 * fleet;
                });
                SoakFigures.Sample start = SoakFigures.Sample.take(processes);
                long from = System.currentTimeMillis();
                long until = from + soak.length().toMillis();
                // ages are owed only once every terminal has had a check interval, and the poll that found it, to get one
                long agesFrom = from + soak.checkInterval().plus(soak.pollInterval()).toMillis();
                // lag every few seconds, so its p99 has samples behind it; ages about twenty times a run, at most once a minute
                Duration tick = Duration.ofMillis(Math.max(2_000, Math.min(10_000, soak.length().toMillis() / 20)));
                long agesEvery = Math.max(tick.toMillis(), Math.min(60_000, soak.length().toMillis() / 20));
                List<Double> ages = new ArrayList<>();
                List<Double> lag = new ArrayList<>();
                GroupLag processorLag = new GroupLag(admin, SoakProcesses.applicationId(prefix));
                context.progress().printf("soak: measuring for %s%n", soak.length());
                long nextReport = from + 60_000;
                while (System.currentTimeMillis() < until) {
                    Thread.sleep(Math.min(tick.toMillis(), Math.max(1, until - System.currentTimeMillis())));
                    processes.requireAlive();
                    long now = System.currentTimeMillis();
                    lag.add((double) processorLag.records());
                    if (now >= agesFrom) {
                        watch.ages(now, from, ages);
                        agesFrom = now + agesEvery;
                    }
                    if (now >= nextReport) {
                        context.progress().printf("soak: %d of %d min, %,d results, processor lag %,.0f%n", (now - from) / 60_000,
                                soak.length().toMinutes(), watch.results(), lag.get(lag.size() - 1));
                        nextReport += 60_000;
                    }
                }
                long to = System.currentTimeMillis();
                watch.ages(to, from, ages);
                SoakFigures.Sample end = SoakFigures.Sample.take(processes);
                SoakWatch.Tally steady = watch.tally(from, to);
                OutageFigures outage = soak.outage().isZero() ? null
                        : new OutagePhase(context.progress(), soak, processes, watch, new GroupLag(admin, SoakProcesses.dispatcherGroup(prefix)),
                                control.size(), SoakFigures.demand(soak, fleet)).run();
                return new SoakFigures(soak, fleet, control.size(), from, to, start, end, ages, lag, steady, outage)
                        .result(name(), (System.nanoTime() - started) / 1e9);
            }
        }
    }
}
