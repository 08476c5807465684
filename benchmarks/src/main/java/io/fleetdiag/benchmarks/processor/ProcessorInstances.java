package io.fleetdiag.benchmarks.processor;

import io.fleetdiag.benchmarks.BenchContext;
import io.fleetdiag.benchmarks.Scenario;
import io.fleetdiag.benchmarks.report.Figure;
import io.fleetdiag.benchmarks.report.ScenarioResult;
import io.fleetdiag.processor.ProcessorService;
import io.fleetdiag.processor.ProcessorSettings;
import io.fleetdiag.processor.ResultProcessorTopology;
import io.fleetdiag.service.KafkaSettings;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.testsupport.harness.Waits;
import io.fleetdiag.topics.TopicCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Scenario processor-instances: the scale-out the projection (benchmarks/README.md) counts on, checked. The same
 * results go through one processor instance and then through N side by side (separate KafkaStreams instances
 * and state directories, one application id, one broker), on {@value #PARTITIONS} partitions, the projection's
 * count for a million terminals. Each run starts its instances on empty topics and waits until the partitions
 * are spread over them; the clock runs from the first result written until the group has committed every one.
 * Each instance's share is the results of the diagnosis-results partitions it was given.
 */
public final class ProcessorInstances implements Scenario {

    static final int PARTITIONS = 12;

    /** What one instance of a run did: its diagnosis-results partitions and the results on them. */
    private record Share(int partitions, long results) {
    }

    private record Run(double seconds, List<Share> shares) {
        long results() {
            return shares.stream().mapToLong(Share::results).sum();
        }
    }

    @Override
    public String name() {
        return "processor-instances";
    }

    @Override
    public ScenarioResult run(BenchContext context) throws Exception {
        long started = System.nanoTime();
        ProcessorWorkload workload = ProcessorWorkload.sample(context);
        ProcessorOptions options = workload.options();
        ResultInput input = workload.input();
        Run one = run(context, options, input, 1);
        Run several = run(context, options, input, options.instances());

        List<Figure> figures = new ArrayList<>();
        double oneRate = one.results() / one.seconds();
        double allRate = several.results() / several.seconds();
        figures.add(Figure.info("one instance", oneRate, "results/s"));
        figures.add(Figure.beside(options.instances() + " instances together", allRate, "results/s", "one instance", oneRate));
        for (int i = 0; i < several.shares().size(); i++) {
            Share share = several.shares().get(i);
            figures.add(Figure.info("instance " + (i + 1) + ", partitions", share.partitions(), "partitions"));
            figures.add(Figure.info("instance " + (i + 1) + ", throughput", share.results() / several.seconds(), "results/s"));
        }
        figures.add(Figure.info("one instance, time", one.seconds(), "s"));
        figures.add(Figure.info(options.instances() + " instances, time", several.seconds(), "s"));

        Map<String, Object> parameters = workload.parameters("instances", options.instances(), PARTITIONS);
        parameters.putAll(options.settings());
        return new ScenarioResult(name(), "Diagnosis results per second through one processor instance and through several side by side",
                parameters, figures, (System.nanoTime() - started) / 1e9);
    }

    /** One run: {@code count} instances of one application on topics of their own, the whole input through them. */
    private static Run run(BenchContext context, ProcessorOptions options, ResultInput input, int count) throws Exception {
        String prefix = BenchContext.prefix("instances");
        Map<String, String> overrides = new LinkedHashMap<>(options.settings());
        overrides.put("processor.application-id", prefix + "processor");
        overrides.put("topics.partitions", Integer.toString(PARTITIONS));
        ServiceConfig config = context.serviceConfig(ProcessorService.defaults(), prefix, overrides);
        KafkaSettings kafka = new KafkaSettings(config, "fleetdiag-bench");
        TopicCatalog catalog = kafka.catalog(kafka.registry());
        String results = catalog.results().name();
        List<KafkaStreams> instances = new ArrayList<>();
        try (Admin admin = Admin.create(kafka.admin())) {
            kafka.prepare(admin, kafka.registry(), catalog.all());
            ResultProcessorTopology.Config topology = new ResultProcessorTopology.Config(ProcessorSettings.from(config), catalog, PARTITIONS);
            for (int i = 1; i <= count; i++) {
                Map<String, String> own = new LinkedHashMap<>(config.asMap());
                own.put("processor.state-dir", context.workDir().resolve(prefix + "state-" + i).toString());
                KafkaStreams streams = new KafkaStreams(ResultProcessorTopology.buildTopology(topology),
                        ProcessorService.streamsProperties(ServiceConfig.of(own), kafka, catalog));
                instances.add(streams);
                streams.start();
            }
            Waits.until(count + " processor instances to share the partitions", Duration.ofMinutes(5), Duration.ofMillis(200),
                    () -> spread(instances, results));
            long from = System.nanoTime();
            input.produce(kafka.producer(), catalog.results().valueSerde().serializer(), results);
            double seconds = CommittedProgress.secondsUntilDone(admin, config.get("processor.application-id"), results,
                    CompletableFuture.completedFuture(from));
            List<Share> shares = new ArrayList<>();
            for (KafkaStreams streams : instances) {
                Set<TopicPartition> own = partitions(streams, results);
                Map<TopicPartition, OffsetSpec> latest = own.stream().collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
                long records = own.isEmpty() ? 0 : admin.listOffsets(latest).all().get().values().stream().mapToLong(info -> info.offset()).sum();
                shares.add(new Share(own.size(), records));
            }
            context.progress().printf(Locale.ROOT, "  %d instance(s): %.0f results/s in %.1f s; partitions %s%n", count, input.results() / seconds,
                    seconds, shares.stream().map(share -> Integer.toString(share.partitions())).collect(Collectors.joining(" / ")));
            return new Run(seconds, shares);
        } finally {
            instances.forEach(streams -> streams.close(Duration.ofSeconds(30)));
        }
    }

    /** Every instance RUNNING with some of the results partitions, and every partition given to one. */
    private static boolean spread(List<KafkaStreams> instances, String topic) {
        int assigned = 0;
        for (KafkaStreams streams : instances) {
            if (streams.state() != KafkaStreams.State.RUNNING) {
                return false;
            }
            int own = partitions(streams, topic).size();
            if (own == 0) {
                return false;
            }
            assigned += own;
        }
        return assigned == PARTITIONS;
    }

    private static Set<TopicPartition> partitions(KafkaStreams streams, String topic) {
        return streams.metadataForLocalThreads().stream().flatMap(thread -> thread.activeTasks().stream())
                .flatMap(task -> task.topicPartitions().stream()).filter(partition -> partition.topic().equals(topic))
                .collect(Collectors.toSet());
    }
}
