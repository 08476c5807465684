package io.fleetdiag.dispatcher;

import io.fleetdiag.serde.SchemaRegistryClient;
import io.fleetdiag.service.ConfigurationException;
import io.fleetdiag.service.KafkaSettings;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.service.ServiceHttp;
import io.fleetdiag.service.SettingsDefinition;
import io.fleetdiag.service.http.HttpEndpoint;
import io.fleetdiag.terminalapi.AdyenSettings;
import io.fleetdiag.terminalapi.TerminalApiClient;
import io.fleetdiag.topics.TopicCatalog;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;

/** The dispatcher as a running service: topics and schemas in place, the dispatcher, health and metrics over HTTP. */
public final class DispatcherService implements AutoCloseable {

    private final DiagnosisDispatcher dispatcher;
    private final HttpEndpoint http;

    private DispatcherService(DiagnosisDispatcher dispatcher, HttpEndpoint http) {
        this.dispatcher = dispatcher;
        this.http = http;
    }

    public static List<SettingsDefinition> definitions() {
        return List.of(KafkaSettings.DEFINITION, AdyenSettings.DEFINITION, ServiceHttp.DEFINITION, DispatcherSettings.DEFINITION);
    }

    public static List<Map<String, String>> defaults() {
        return definitions().stream().map(SettingsDefinition::defaults).toList();
    }

    public static DispatcherService start(ServiceConfig config, Map<String, String> environment,
                                          CompletableFuture<RuntimeException> fatal) throws Exception {
        return start(config, TerminalApiClient.create(AdyenSettings.terminalApi(config, environment)), environment, fatal);
    }

    /** With a given Terminal API client, e.g. one that the local run points at its simulator. */
    public static DispatcherService start(ServiceConfig config, TerminalApiClient adyen, Map<String, String> environment,
                                          CompletableFuture<RuntimeException> fatal) throws Exception {
        DispatcherSettings settings = DispatcherSettings.from(config);
        KafkaSettings kafka = new KafkaSettings(config, "fleetdiag-dispatcher");
        SchemaRegistryClient registry = kafka.registry();
        TopicCatalog catalog = kafka.catalog(registry);
        try (Admin admin = Admin.create(kafka.admin())) {
            kafka.prepare(admin, registry, List.of(catalog.checkRequests(), catalog.checkRetries(), catalog.results(), catalog.deadLetters()));
            requireCoPartitioned(admin, catalog);
        }
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        DiagnosisDispatcher dispatcher = new DiagnosisDispatcher(settings, kafka, catalog, adyen, metrics, Clock.systemUTC(), fatal::complete);
        dispatcher.start();
        HttpEndpoint http = ServiceHttp.start(config, environment, metrics,
                dispatcher::health, List.of());
        return new DispatcherService(dispatcher, http);
    }

    /** A terminal's requests and retries must land on the same partition number, so one instance owns both. */
    private static void requireCoPartitioned(Admin admin, TopicCatalog catalog) throws Exception {
        Map<String, TopicDescription> topics = admin.describeTopics(List.of(catalog.checkRequests().name(), catalog.checkRetries().name()))
                .allTopicNames().get();
        int requests = topics.get(catalog.checkRequests().name()).partitions().size();
        int retries = topics.get(catalog.checkRetries().name()).partitions().size();
        if (requests != retries) {
            throw new ConfigurationException(catalog.checkRequests().name() + " has " + requests + " partitions and "
                    + catalog.checkRetries().name() + " has " + retries + ": give them the same count, so a terminal's"
                    + " requests and retries are handled by the same dispatcher instance");
        }
    }

    public int httpPort() {
        return http.port();
    }

    public DiagnosisDispatcher dispatcher() {
        return dispatcher;
    }

    /** Stops with the given grace for calls in flight. */
    public void close(Duration grace) throws Exception {
        dispatcher.close(grace);
        http.close();
    }

    @Override
    public void close() throws Exception {
        dispatcher.close();
        http.close();
    }
}
