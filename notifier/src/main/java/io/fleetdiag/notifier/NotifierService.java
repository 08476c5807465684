package io.fleetdiag.notifier;

import io.fleetdiag.notifier.alert.DashboardLinks;
import io.fleetdiag.notifier.delivery.NotifierLoop;
import io.fleetdiag.notifier.delivery.ReceiverQueue;
import io.fleetdiag.notifier.receivers.HttpPost;
import io.fleetdiag.notifier.receivers.Receivers;
import io.fleetdiag.notifier.routing.Router;
import io.fleetdiag.notifier.routing.Routing;
import io.fleetdiag.notifier.routing.RoutingFile;
import io.fleetdiag.schemas.DeadLetter;
import io.fleetdiag.serde.SchemaRegistryClient;
import io.fleetdiag.service.KafkaSettings;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.service.ServiceHttp;
import io.fleetdiag.service.SettingsDefinition;
import io.fleetdiag.service.http.HttpEndpoint;
import io.fleetdiag.service.retry.Backoff;
import io.fleetdiag.topics.TopicCatalog;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The notifier as a running service: the routing file read and checked, a queue per receiver, the
 * consumer group's loop, and /health and /metrics over HTTP.
 */
public final class NotifierService implements AutoCloseable {

    private final NotifierLoop loop;
    private final Map<String, ReceiverQueue> queues;
    private final Producer<String, DeadLetter> deadLetters;
    private final HttpEndpoint http;

    private NotifierService(NotifierLoop loop, Map<String, ReceiverQueue> queues, Producer<String, DeadLetter> deadLetters, HttpEndpoint http) {
        this.loop = loop;
        this.queues = queues;
        this.deadLetters = deadLetters;
        this.http = http;
    }

    public static List<SettingsDefinition> definitions() {
        return List.of(KafkaSettings.DEFINITION, ServiceHttp.DEFINITION, NotifierSettings.DEFINITION);
    }

    public static List<Map<String, String>> defaults() {
        return definitions().stream().map(SettingsDefinition::defaults).toList();
    }

    public static NotifierService start(ServiceConfig config, Map<String, String> environment, CompletableFuture<RuntimeException> fatal)
            throws Exception {
        NotifierSettings settings = NotifierSettings.from(config);
        Routing routing = RoutingFile.load(settings.routingFile(), environment);
        KafkaSettings kafka = new KafkaSettings(config, "fleetdiag-notifier");
        SchemaRegistryClient registry = kafka.registry();
        TopicCatalog catalog = kafka.catalog(registry);
        try (Admin admin = Admin.create(kafka.admin())) {
            kafka.prepare(admin, registry, List.of(catalog.alerts(), catalog.alertOperations(), catalog.deadLetters()));
        }
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        HttpPost post = new HttpPost(settings.requestTimeout());
        DashboardLinks links = new DashboardLinks(settings.dashboardUrl());
        Backoff backoff = Backoff.exact(settings.retryBackoff(), settings.retryMaxBackoff());
        Map<String, ReceiverQueue> queues = new LinkedHashMap<>();
        for (Routing.ReceiverSpec spec : routing.receivers()) {
            queues.put(spec.name(), new ReceiverQueue(Receivers.create(spec, post, links, settings.resendInterval(), Clock.systemUTC()),
                    routing.grouping(), backoff, settings.giveUpAfter(), metrics, Clock.systemUTC()));
        }
        Map<String, Object> consumerConfig = kafka.consumer(settings.groupId());
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, settings.firstStart());
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        Map<String, Object> readerConfig = new HashMap<>(consumerConfig);
        readerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        readerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.groupId() + "-restore");
        Producer<String, DeadLetter> deadLetters = new KafkaProducer<>(kafka.producer(), new StringSerializer(),
                catalog.deadLetters().valueSerde().serializer());
        NotifierLoop loop = new NotifierLoop(new NotifierLoop.Settings(settings.commitInterval(), settings.queueCapacity(),
                routing.criticalReminder()), consumer,
                () -> new KafkaConsumer<>(readerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer()), deadLetters, catalog, new Router(routing), queues, metrics, Clock.systemUTC(),
                fatal::complete);
        loop.start();
        HttpEndpoint http = ServiceHttp.start(config, environment, metrics, loop::health, List.of());
        return new NotifierService(loop, queues, deadLetters, http);
    }

    public int httpPort() {
        return http.port();
    }

    @Override
    public void close() throws Exception {
        loop.close();
        for (ReceiverQueue queue : queues.values()) {
            queue.close();
        }
        deadLetters.close();
        http.close();
    }
}
