package io.fleetdiag.poller;

import io.fleetdiag.serde.SchemaRegistryClient;
import io.fleetdiag.service.KafkaSettings;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.service.ServiceHttp;
import io.fleetdiag.service.SettingsDefinition;
import io.fleetdiag.service.http.HttpEndpoint;
import io.fleetdiag.terminalapi.AdyenSettings;
import io.fleetdiag.terminalapi.TerminalApiClient;
import io.fleetdiag.topics.TopicAdmin;
import io.fleetdiag.topics.TopicCatalog;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;

/** The poller as a running service: topics and schemas in place, the poller, health and metrics over HTTP. */
public final class PollerService implements AutoCloseable {

    private final ConnectivityPoller poller;
    private final HttpEndpoint http;

    private PollerService(ConnectivityPoller poller, HttpEndpoint http) {
        this.poller = poller;
        this.http = http;
    }

    public static List<SettingsDefinition> definitions() {
        return List.of(KafkaSettings.DEFINITION, AdyenSettings.DEFINITION, ServiceHttp.DEFINITION, PollerSettings.DEFINITION);
    }

    public static List<Map<String, String>> defaults() {
        return definitions().stream().map(SettingsDefinition::defaults).toList();
    }

    public static PollerService start(ServiceConfig config, Map<String, String> environment,
                                      CompletableFuture<RuntimeException> fatal) throws Exception {
        return start(config, TerminalApiClient.create(AdyenSettings.terminalApi(config, environment)), environment, fatal);
    }

    /** With a given Terminal API client, e.g. one that the local run points at its simulator. */
    public static PollerService start(ServiceConfig config, TerminalApiClient adyen, Map<String, String> environment,
                                      CompletableFuture<RuntimeException> fatal) throws Exception {
        PollerSettings settings = PollerSettings.from(config);
        KafkaSettings kafka = new KafkaSettings(config, "fleetdiag-poller");
        SchemaRegistryClient registry = kafka.registry();
        TopicCatalog catalog = kafka.catalog(registry);
        try (Admin admin = Admin.create(kafka.admin())) {
            kafka.prepare(admin, registry, List.of(catalog.snapshots(), catalog.checkRequests()));
            TopicAdmin.ensureTopics(admin, catalog.poller(), 1, kafka.replicationFactor());
        }
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ConnectivityPoller poller = new ConnectivityPoller(settings, kafka, catalog, adyen, metrics, Clock.systemUTC(), fatal::complete);
        poller.start();
        HttpEndpoint http = ServiceHttp.start(config, environment, metrics,
                () -> new ServiceHttp.Health(true, Map.of("leading", poller.leading())), Map.of());
        return new PollerService(poller, http);
    }

    public ConnectivityPoller poller() {
        return poller;
    }

    public int httpPort() {
        return http.port();
    }

    @Override
    public void close() throws Exception {
        poller.close();
        http.close();
    }
}
