package io.fleetdiag.benchmarks.presence;

import io.fleetdiag.benchmarks.BenchContext;
import io.fleetdiag.benchmarks.BenchmarkSize;
import io.fleetdiag.benchmarks.Scenario;
import io.fleetdiag.benchmarks.processor.CommittedProgress;
import io.fleetdiag.benchmarks.processor.PassThroughTopology;
import io.fleetdiag.benchmarks.report.Figure;
import io.fleetdiag.benchmarks.report.ScenarioResult;
import io.fleetdiag.processor.ProcessorService;
import io.fleetdiag.schemas.ConnectivitySnapshot;
import io.fleetdiag.service.KafkaSettings;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.topics.Topic;
import io.fleetdiag.topics.TopicAdmin;
import io.fleetdiag.topics.TopicCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The processor's snapshot path: one static scope of N terminals, polled every 30 s, through the
 * presence stage with exactly_once_v2 on one stream thread. The first snapshot makes every terminal
 * appear; the later ones list the same terminals inside the last-seen resolution, so whatever they
 * write to the changelogs is the cost of listing what did not change. Their sightings per second are
 * set beside a pass-through of the same snapshots and against a million terminals' 33,000 a second.
 */
public final class PresenceSnapshots implements Scenario {

    /** A million terminals listed every 30 s. */
    private static final double MILLION_AT_30S = 1_000_000 / 30.0;
    private static final double WRITE_SHARE = 0.01;

    @Override
    public String name() {
        return "presence";
    }

    @Override
    public ScenarioResult run(BenchContext context) throws Exception {
        BenchmarkSize size = context.size();
        Integer asked = context.processorOptions().terminals();
        int terminals = asked == null ? size.presenceTerminals : asked;
        int snapshots = size.presenceSnapshots;
        long started = System.nanoTime();
        String prefix = BenchContext.prefix("presence");
        Map<String, String> overrides = new LinkedHashMap<>(context.processorOptions().settings());
        overrides.put("processor.application-id", prefix + "presence");
        overrides.put("processor.state-dir", context.workDir().resolve("presence-state").toString());
        // one scope is one partition's work; an empty partition would never get the commit the wait looks for
        overrides.put("topics.partitions", "1");
        ServiceConfig config = context.serviceConfig(ProcessorService.defaults(), prefix, overrides);
        KafkaSettings kafka = new KafkaSettings(config, "fleetdiag-bench");
        TopicCatalog catalog = kafka.catalog(kafka.registry());
        Topic<String, ConnectivitySnapshot> input = catalog.snapshots();
        String appId = config.get("processor.application-id");
        String changes = prefix + "presence-changes";
        Topic<String, ConnectivitySnapshot> copies = plain(prefix + "snapshot-copies", input);
        SnapshotInput fleet = new SnapshotInput(terminals, snapshots);
        List<Figure> figures = new ArrayList<>();
        try (Admin admin = Admin.create(kafka.admin())) {
            kafka.prepare(admin, kafka.registry(), List.of(input));
            TopicAdmin.ensureTopics(admin, List.of(plain(changes, input), copies), 1, (short) 1);
            try (KafkaStreams streams = new KafkaStreams(PresenceTopology.presence(input, changes, catalog.alerts().valueSerde(), config),
                    ProcessorService.streamsProperties(config, kafka, catalog))) {
                CompletableFuture<Long> running = CommittedProgress.runningAt(streams);
                streams.start();
                fleet.produce(kafka.producer(), input.valueSerde().serializer(), input.name(), 0, 1);
                double firstSeconds = CommittedProgress.secondsUntilDone(admin, appId, input.name(), running);
                Map<String, Long> before = ChangelogRecords.ends(admin, appId);
                long from = System.nanoTime();
                fleet.produce(kafka.producer(), input.valueSerde().serializer(), input.name(), 1, snapshots);
                double staticSeconds = CommittedProgress.secondsUntilDone(admin, appId, input.name(), CompletableFuture.completedFuture(from));
                ChangelogRecords written = ChangelogRecords.since(admin, kafka, appId, before);
                double staticSnapshots = snapshots - 1;
                double sightings = staticSnapshots * terminals;
                double passSeconds = passThrough(admin, kafka, catalog, config, input, copies);
                double passRate = (double) snapshots * terminals / passSeconds;

                figures.add(Figure.against("changelog records per static snapshot", written.records() / staticSnapshots, "records",
                        "listed terminals", terminals, "ratio < " + WRITE_SHARE + " (no SEEN report due)",
                        written.records() / staticSnapshots < WRITE_SHARE * terminals));
                written.perTable().forEach((table, records) ->
                        figures.add(Figure.info("changelog records per static snapshot, " + table, records / staticSnapshots, "records")));
                figures.add(Figure.info("changelog bytes per static snapshot", written.bytes() / staticSnapshots, "B"));
                figures.add(Figure.against("static snapshots", sightings / staticSeconds, "sightings/s", "pass-through", passRate,
                        ">= 33,333 sightings/s (1,000,000 terminals polled every 30 s)", sightings / staticSeconds >= MILLION_AT_30S));
                figures.add(Figure.info("static snapshot, time", staticSeconds / staticSnapshots, "s"));
                figures.add(Figure.info("first snapshot (every terminal appears)", terminals / firstSeconds, "sightings/s"));
            }
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("terminals", terminals);
        parameters.put("snapshots", snapshots);
        parameters.put("chunkSize", SnapshotInput.CHUNK);
        parameters.put("pollInterval", SnapshotInput.POLL.toString());
        parameters.put("lastSeenResolution", config.get("processor.last-seen-resolution"));
        parameters.put("processingGuarantee", StreamsConfig.EXACTLY_ONCE_V2);
        parameters.put("streamThreads", config.get("processor.stream-threads"));
        return new ScenarioResult(name(), "Changelog records and sightings per second of a static scope's snapshots through the presence stage",
                parameters, figures, (System.nanoTime() - started) / 1e9);
    }

    /** Seconds a pass-through of every snapshot takes, on one stream thread under its own application id. */
    private static double passThrough(Admin admin, KafkaSettings kafka, TopicCatalog catalog, ServiceConfig config,
                                      Topic<String, ConnectivitySnapshot> input, Topic<String, ConnectivitySnapshot> output) throws Exception {
        String id = config.get("topics.prefix") + "snapshot-pass-through";
        Map<String, String> values = new LinkedHashMap<>(config.asMap());
        values.put("processor.application-id", id);
        try (KafkaStreams streams = new KafkaStreams(PassThroughTopology.buildTopology(input, output),
                ProcessorService.streamsProperties(ServiceConfig.of(values), kafka, catalog))) {
            CompletableFuture<Long> running = CommittedProgress.runningAt(streams);
            streams.start();
            return CommittedProgress.secondsUntilDone(admin, id, input.name(), running);
        }
    }

    private static Topic<String, ConnectivitySnapshot> plain(String name, Topic<String, ConnectivitySnapshot> like) {
        return new Topic<>(name, like.valueType(), like.keySerde(), like.valueSerde(), Map.of());
    }
}
