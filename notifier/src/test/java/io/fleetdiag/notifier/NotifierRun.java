package io.fleetdiag.notifier;

import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.testsupport.TestCluster;
import io.fleetdiag.topics.TopicCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Starts the notifier against the test cluster with a routing file, and writes alerts as the processor would. */
final class NotifierRun {

    private final TestCluster cluster;
    private final String prefix;
    private final TopicCatalog catalog;

    NotifierRun(TestCluster cluster, String prefix) {
        this.cluster = cluster;
        this.prefix = prefix;
        this.catalog = TopicCatalog.prefixed(prefix, cluster.schemaRegistryUrl());
    }

    TopicCatalog catalog() {
        return catalog;
    }

    /** Fast retries and commits, a group of its own that reads from the beginning. */
    NotifierService start(Path work, String routing, Map<String, String> environment) throws Exception {
        Path file = work.resolve("routing-" + System.nanoTime() + ".yaml");
        Files.writeString(file, routing);
        Map<String, String> values = new HashMap<>();
        NotifierService.defaults().forEach(values::putAll);
        values.putAll(cluster.serviceSettings(prefix));
        values.put("notifier.routing-file", file.toString());
        values.put("notifier.group-id", prefix + "notifier");
        values.put("notifier.first-start", "earliest");
        values.put("notifier.resend-interval", "2s");
        values.put("notifier.retry-backoff", "100ms");
        values.put("notifier.retry-max-backoff", "400ms");
        values.put("notifier.commit-interval", "200ms");
        return NotifierService.start(ServiceConfig.of(values), environment, new CompletableFuture<>());
    }

    String alertsTopic() {
        return catalog.alerts().name();
    }

    /** Keyed by the terminal, as terminal-alerts is, so a terminal's edges stay in order on one partition. */
    void produce(TerminalAlert... alerts) throws Exception {
        try (KafkaProducer<String, TerminalAlert> producer = new KafkaProducer<>(cluster.producerConfig(), new StringSerializer(),
                catalog.alerts().valueSerde().serializer())) {
            for (TerminalAlert alert : alerts) {
                String key = alert.getPoiid() != null ? alert.getPoiid() : alert.getMerchantAccount() + "/" + alert.getStore();
                producer.send(new ProducerRecord<>(catalog.alerts().name(), key, alert)).get(60, TimeUnit.SECONDS);
            }
        }
    }
}
