package io.fleetdiag.benchmarks.dispatcher;

import io.fleetdiag.benchmarks.BenchContext;
import io.fleetdiag.benchmarks.BenchmarkSize;
import io.fleetdiag.benchmarks.Scenario;
import io.fleetdiag.benchmarks.report.Figure;
import io.fleetdiag.benchmarks.report.ScenarioResult;
import io.fleetdiag.testsupport.harness.FreePorts;
import io.fleetdiag.testsupport.harness.Http;
import io.fleetdiag.benchmarks.support.RecordWatcher;
import io.fleetdiag.testsupport.harness.ServiceFiles;
import io.fleetdiag.benchmarks.support.Stats;
import io.fleetdiag.testsupport.harness.Waits;
import io.fleetdiag.dispatcher.DispatcherService;
import io.fleetdiag.schemas.CheckReason;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import io.fleetdiag.schemas.DiagnosisOutcome;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.service.KafkaSettings;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.simulator.SimulatorConfig;
import io.fleetdiag.simulator.TerminalSimulator;
import io.fleetdiag.simulator.api.LatencyModel;
import io.fleetdiag.simulator.fleet.ConditionChange;
import io.fleetdiag.simulator.fleet.Terminal;
import io.fleetdiag.simulator.life.LifeRates;
import io.fleetdiag.testsupport.JavaProcess;
import io.fleetdiag.topics.TopicCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Scenario 2: the dispatcher, as its own process with production settings (512 calls in flight,
 * retries from 2 s), diagnoses every terminal of the simulator once. The simulator answers after a
 * log-normal latency around L; a tenth of the terminals, drawn at random, are in a sale when their
 * first call comes and answer Busy (after the same latency), the retry finds them free. The sweep runs from the first request written to the last result read, against the
 * bound N·L/512 no dispatcher can beat; peak heap and RSS come from the dispatcher's process, the
 * concurrent-request violations from the simulator.
 */
public final class DispatcherSweep implements Scenario {

    private static final int CONCURRENCY = 512;
    private static final double SIGMA = 0.25;
    private static final double BUSY = 0.10;
    private static final String HEAP = "-Xmx1g";
    /** Checks before the measured sweep: a running dispatcher has its connections open and its code compiled. */
    private static final int WARM_UP = 2 * CONCURRENCY;

    @Override
    public String name() {
        return "dispatcher";
    }

    @Override
    public ScenarioResult run(BenchContext context) throws Exception {
        BenchmarkSize size = context.size();
        long started = System.nanoTime();
        int terminals = size.sweepTerminals;
        long latencyMs = size.sweepLatency.toMillis();
        String prefix = BenchContext.prefix(name());
        int httpPort = FreePorts.next();

        try (TerminalSimulator simulator = TerminalSimulator.start(SimulatorConfig.defaults(BenchContext.API_KEY)
                .withTerminals(terminals).withReferenceTerminals(false).withRates(LifeRates.staticFleet())
                .withLatency(new LatencyModel(latencyMs, SIGMA)))) {
            Map<String, String> settings = new HashMap<>(context.cluster().serviceSettings(prefix));
            settings.put("adyen.endpoint", simulator.baseUrl().toString());
            settings.put("adyen.allow-plain-http", "true");
            settings.put("dispatcher.max-in-flight", Integer.toString(CONCURRENCY));
            settings.put("dispatcher.group-id", prefix + "dispatcher");
            settings.put("http.port", Integer.toString(httpPort));
            ServiceConfig config = context.serviceConfig(DispatcherService.defaults(), prefix, settings);
            KafkaSettings kafka = new KafkaSettings(config, "fleetdiag-bench");
            TopicCatalog catalog = kafka.catalog(kafka.registry());
            try (Admin admin = Admin.create(kafka.admin())) {
                kafka.prepare(admin, kafka.registry(), catalog.all());
            }
            Sweep sweep;
            long callsBefore;
            long busyBefore;
            try (JavaProcess dispatcher = JavaProcess.start("dispatcher", "io.fleetdiag.launcher.FleetdiagCommand",
                    context.jvmOptions("dispatcher", List.of("-Xms64m", HEAP, "-XX:+UseG1GC")),
                    List.of("dispatcher", ServiceFiles.write(context.workDir().resolve(prefix + "dispatcher.properties"), settings).toString()),
                    Map.of("ADYEN_API_KEY", BenchContext.API_KEY), context.workDir().resolve("logs").resolve(prefix + "dispatcher.log"))) {
                awaitAssigned(kafka, prefix + "dispatcher", dispatcher);
                List<Terminal> warmUp = simulator.fleet().terminals().subList(0, Math.min(terminals, WARM_UP));
                send(kafka, catalog, "warm-up-", warmUp);
                try (RecordWatcher<DiagnosisResult> results = new RecordWatcher<>(context.cluster().bootstrapServers(), catalog.results(),
                        DiagnosisResult::getRequestId)) {
                    Waits.until("the warm-up checks", Duration.ofMinutes(2), Duration.ofMillis(100), () -> results.count() >= warmUp.size());
                }
                Random random = new Random(7);
                simulator.fleet().terminals().stream().filter(terminal -> random.nextDouble() < BUSY)
                        .forEach(terminal -> simulator.set(terminal.poiid(), ConditionChange.of(Map.of("busyCalls", 1))));
                callsBefore = simulator.stats().total("diagnosis");
                busyBefore = simulator.stats().count("diagnosis", "busy");
                sweep = sweep(size, simulator, kafka, catalog, context.cluster().bootstrapServers(), dispatcher,
                        "http://127.0.0.1:" + httpPort + "/metrics");
                dispatcher.stop(30);
            }

            double bound = terminals * (latencyMs / 1000.0) / CONCURRENCY;
            long violations = simulator.stats().violations();
            long calls = simulator.stats().total("diagnosis") - callsBefore;
            long busy = simulator.stats().count("diagnosis", "busy") - busyBefore;
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("terminals", terminals);
            parameters.put("latencyMedianMs", latencyMs);
            parameters.put("latencySigma", SIGMA);
            parameters.put("busyRate", BUSY);
            parameters.put("maxInFlight", CONCURRENCY);
            parameters.put("dispatcherHeap", HEAP);
            parameters.put("warmUpChecks", Math.min(terminals, WARM_UP));
            List<Figure> figures = new java.util.ArrayList<>(List.of(
                    Figure.against("sweep time", sweep.seconds(), "s", "N·L/512", bound, "ratio <= 1.3", sweep.seconds() <= 1.3 * bound),
                    Figure.info("checks per second", terminals / sweep.seconds(), "checks/s"),
                    Figure.info("calls in flight at the simulator, mean", sweep.meanInFlight(), "calls"),
                    Figure.info("Terminal API calls", calls, "calls"),
                    Figure.info("Busy answers", busy, "calls"),
                    Figure.info("checks that needed a retry", sweep.retried(), "checks"),
                    Figure.info("longest check, request to result", sweep.longestCheckSeconds(), "s"),
                    Figure.target("results SUCCESS", sweep.succeeded(), "results", "= " + terminals, sweep.succeeded() == terminals),
                    Figure.info("peak heap used", Stats.mib(sweep.peakHeapBytes()), "MiB"),
                    Figure.info("peak RSS", Stats.mib(sweep.peakRssBytes()), "MiB"),
                    Figure.target("concurrent-request violations", violations, "", "= 0", violations == 0)));
            if (terminals >= 100_000) {
                figures.add(Figure.target("100,000-terminal sweep", sweep.seconds(), "s", "<= 300 s", sweep.seconds() <= 300));
            }
            return new ScenarioResult(name(), "One diagnosis of every terminal through the dispatcher process, against N·L/concurrency",
                    parameters, figures, (System.nanoTime() - started) / 1e9);
        }
    }

    private record Sweep(double seconds, long succeeded, long retried, double longestCheckSeconds, double meanInFlight, long peakHeapBytes,
                         long peakRssBytes) {
    }

    private static Sweep sweep(BenchmarkSize size, TerminalSimulator simulator, KafkaSettings kafka, TopicCatalog catalog, String bootstrap,
                               JavaProcess dispatcher, String metrics) throws Exception {
        List<Terminal> terminals = simulator.fleet().terminals();
        AtomicLong peakHeap = new AtomicLong();
        List<String> inFlight = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        long sampling = System.nanoTime();
        ScheduledExecutorService sampler = Executors.newScheduledThreadPool(2);
        sampler.scheduleAtFixedRate(() -> inFlight.add((System.nanoTime() - sampling) / 1_000_000 + "," + simulator.stats().inFlight()),
                0, 50, TimeUnit.MILLISECONDS);
        sampler.scheduleAtFixedRate(() -> {
            try {
                Map<String, Double> scraped = Http.prometheus(metrics);
                double heap = Http.sum(scraped, "jvm_memory_used_bytes", "area=\"heap\"");
                peakHeap.accumulateAndGet((long) heap, Math::max);
                inFlight.add((System.nanoTime() - sampling) / 1_000_000 + ",d" + (long) Http.sum(scraped, "fleetdiag_dispatcher_inflight", null)
                        + ",q" + (long) Http.sum(scraped, "fleetdiag_dispatcher_queue_depth", null));
            } catch (Exception ignored) {
                // a missed sample; the next one comes in 250 ms
            }
        }, 0, 250, TimeUnit.MILLISECONDS);
        try (RecordWatcher<DiagnosisResult> results = new RecordWatcher<>(bootstrap, catalog.results(), DiagnosisResult::getRequestId);
             KafkaProducer<String, DiagnosisCheckRequest> producer = new KafkaProducer<>(kafka.producer(), new StringSerializer(),
                     catalog.checkRequests().valueSerde().serializer())) {
            List<DiagnosisCheckRequest> requests = requests("sweep-", terminals);
            // the writer's own start-up (topic metadata, the schema's id from the registry) is not the dispatcher's
            producer.partitionsFor(catalog.checkRequests().name());
            catalog.checkRequests().valueSerde().serializer().serialize(catalog.checkRequests().name(), requests.get(0));
            long from = System.nanoTime();
            for (DiagnosisCheckRequest request : requests) {
                producer.send(new ProducerRecord<>(catalog.checkRequests().name(), request.getPoiid(), request));
            }
            producer.flush();
            double bound = terminals.size() * size.sweepLatency.toMillis() / 1000.0 / CONCURRENCY;
            Waits.until("a result for each of the " + terminals.size() + " terminals",
                    Duration.ofSeconds((long) Math.max(300, 5 * bound)), Duration.ofMillis(100), () -> {
                        if (!dispatcher.alive()) {
                            throw new IllegalStateException("The dispatcher exited (" + dispatcher.exitValue() + "); see " + dispatcher.log());
                        }
                        return results.count() >= terminals.size();
                    });
            long succeeded = results.values().values().stream().filter(result -> result.getOutcome() == DiagnosisOutcome.SUCCESS).count();
            long retried = results.values().values().stream().filter(result -> result.getAttempts() > 1).count();
            double longest = results.values().values().stream()
                    .mapToLong(result -> result.getCompletedAt().toEpochMilli() - result.getRequestedAt().toEpochMilli()).max().orElse(0) / 1000.0;
            sampler.shutdownNow();
            // the series behind the mean, for a look at ramp-up and tail
            java.nio.file.Files.write(dispatcher.log().resolveSibling("dispatcher-inflight.csv"), inFlight);
            double meanInFlight = inFlight.stream().filter(line -> !line.contains(",d")).mapToLong(line -> Long.parseLong(line.substring(line.indexOf(',') + 1))).average().orElse(0);
            return new Sweep((results.lastArrival() - from) / 1e9, succeeded, retried, longest, meanInFlight, peakHeap.get(),
                    dispatcher.peakRssBytes().orElse(0));
        } finally {
            sampler.shutdownNow();
        }
    }

    private static List<DiagnosisCheckRequest> requests(String idPrefix, List<Terminal> terminals) {
        Instant now = Instant.now();
        return terminals.stream().map(terminal -> DiagnosisCheckRequest.newBuilder()
                .setRequestId(idPrefix + terminal.poiid())
                .setPoiid(terminal.poiid())
                .setMerchantAccount(terminal.merchantAccount())
                .setStore(terminal.store())
                .setReason(CheckReason.SCHEDULED)
                .setRequestedAt(now)
                .build()).toList();
    }

    private static void send(KafkaSettings kafka, TopicCatalog catalog, String idPrefix, List<Terminal> terminals) {
        try (KafkaProducer<String, DiagnosisCheckRequest> producer = new KafkaProducer<>(kafka.producer(), new StringSerializer(),
                catalog.checkRequests().valueSerde().serializer())) {
            requests(idPrefix, terminals).forEach(request ->
                    producer.send(new ProducerRecord<>(catalog.checkRequests().name(), request.getPoiid(), request)));
        }
    }

    /** Until the dispatcher's consumer group is stable with the dispatcher in it: from then on a request is read at once. */
    private static void awaitAssigned(KafkaSettings kafka, String groupId, JavaProcess dispatcher) throws Exception {
        try (Admin admin = Admin.create(kafka.admin())) {
            Waits.until("the dispatcher to join its consumer group", Duration.ofMinutes(2), Duration.ofMillis(200), () -> {
                if (!dispatcher.alive()) {
                    throw new IllegalStateException("The dispatcher exited (" + dispatcher.exitValue() + "); see " + dispatcher.log());
                }
                ConsumerGroupDescription group;
                try {
                    group = admin.describeConsumerGroups(List.of(groupId)).all().get().get(groupId);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof GroupIdNotFoundException) {
                        return false;
                    }
                    throw e;
                }
                return group.groupState() == GroupState.STABLE && !group.members().isEmpty()
                        && group.members().stream().allMatch(member -> !member.assignment().topicPartitions().isEmpty());
            });
        }
    }
}
