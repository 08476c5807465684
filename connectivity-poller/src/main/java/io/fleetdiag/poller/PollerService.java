package io.fleetdiag.poller;

import io.fleetdiag.poller.events.EventsSettings;
import io.fleetdiag.poller.events.TerminalEventsEndpoint;
import io.fleetdiag.poller.inventory.InventorySettings;
import io.fleetdiag.poller.inventory.InventorySource;
import io.fleetdiag.poller.leadership.LeaseProbe;
import io.fleetdiag.poller.webhooks.ManagementWebhooksEndpoint;
import io.fleetdiag.poller.webhooks.WebhooksSettings;
import io.fleetdiag.serde.SchemaRegistryClient;
import io.fleetdiag.service.ConfigurationException;
import io.fleetdiag.service.HttpTls;
import io.fleetdiag.service.KafkaSettings;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.service.ServiceHttp;
import io.fleetdiag.service.SettingsDefinition;
import io.fleetdiag.service.http.HttpEndpoint;
import io.fleetdiag.terminalapi.AdyenSettings;
import io.fleetdiag.terminalapi.TerminalApiClient;
import io.fleetdiag.terminalapi.management.ManagementApiClient;
import io.fleetdiag.topics.TopicAdmin;
import io.fleetdiag.topics.TopicCatalog;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The poller as a running service: topics and schemas in place, the poller, health and metrics over HTTP, and,
 * when {@code inventory.endpoint} is set, the fleet-inventory source, which lists only while this instance leads, and when the
 * events password is given, the terminals' event notifications on {@code events.port} (on every instance, leader or not), and
 * beside them, when the webhook HMAC key is also given, Adyen's Management webhooks, which update the inventory at once.
 */
public final class PollerService implements AutoCloseable {

    private final ConnectivityPoller poller;
    private final HttpEndpoint http;
    private final Optional<InventorySource> inventory;
    private final Optional<TerminalEventsEndpoint> events;
    private final Optional<ManagementWebhooksEndpoint> webhooks;

    private PollerService(ConnectivityPoller poller, HttpEndpoint http, Optional<InventorySource> inventory,
                          Optional<TerminalEventsEndpoint> events, Optional<ManagementWebhooksEndpoint> webhooks) {
        this.poller = poller;
        this.http = http;
        this.inventory = inventory;
        this.events = events;
        this.webhooks = webhooks;
    }

    public static List<SettingsDefinition> definitions() {
        return List.of(KafkaSettings.DEFINITION, AdyenSettings.DEFINITION, ServiceHttp.DEFINITION, PollerSettings.DEFINITION,
                InventorySettings.DEFINITION, EventsSettings.DEFINITION, WebhooksSettings.DEFINITION);
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
        Optional<InventorySettings> inventorySettings = InventorySettings.from(config, environment);
        Optional<EventsSettings> eventsSettings = EventsSettings.from(config);
        Optional<WebhooksSettings> webhooksSettings = WebhooksSettings.from(config);
        if (webhooksSettings.isPresent() && (eventsSettings.isEmpty() || inventorySettings.isEmpty())) {
            throw new ConfigurationException(WebhooksSettings.HMAC_KEY + " is given but the Management webhooks need the events listener"
                    + " (events.password) and the inventory (inventory.endpoint)");
        }
        KafkaSettings kafka = new KafkaSettings(config, "fleetdiag-poller");
        SchemaRegistryClient registry = kafka.registry();
        TopicCatalog catalog = kafka.catalog(registry);
        try (Admin admin = Admin.create(kafka.admin())) {
            kafka.prepare(admin, registry, inventorySettings.isPresent()
                    ? List.of(catalog.snapshots(), catalog.checkRequests(), catalog.alerts(), catalog.inventory())
                    : List.of(catalog.snapshots(), catalog.checkRequests(), catalog.alerts()));
            TopicAdmin.ensureTopics(admin, catalog.poller(), 1, kafka.replicationFactor());
            if (eventsSettings.isPresent()) {
                kafka.prepare(admin, registry, List.of(catalog.terminalEvents(), catalog.deadLetters()));
            }
        }
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ConnectivityPoller poller = new ConnectivityPoller(settings, kafka, catalog, adyen, metrics, Clock.systemUTC(), fatal::complete);
        poller.start();
        Optional<InventorySource> inventory = inventorySettings.map(inventoryConfig -> new InventorySource(inventoryConfig,
                settings.scopes(), new ManagementApiClient(inventoryConfig.api()), catalog.inventory(),
                new KafkaProducer<>(producer(kafka, "-inventory"), new StringSerializer(), catalog.inventory().valueSerde().serializer()),
                kafka.consumer("fleetdiag-inventory"), poller::leading, Clock.systemUTC(), fatal::complete));
        inventory.ifPresent(InventorySource::start);
        Optional<ManagementWebhooksEndpoint> webhooks = webhooksSettings.map(webhooksConfig -> new ManagementWebhooksEndpoint(webhooksConfig,
                inventory.orElseThrow()::apply, catalog,
                new KafkaProducer<>(producer(kafka, "-webhooks"), new StringSerializer(), new ByteArraySerializer()), metrics, Clock.systemUTC()));
        Optional<TerminalEventsEndpoint> events = Optional.empty();
        if (eventsSettings.isPresent()) {
            TerminalEventsEndpoint endpoint = new TerminalEventsEndpoint(eventsSettings.get(), catalog,
                    new KafkaProducer<>(producer(kafka, "-events"), new StringSerializer(), new ByteArraySerializer()), metrics, Clock.systemUTC());
            endpoint.start(eventsSettings.get(), HttpTls.from(config), webhooks.map(ManagementWebhooksEndpoint::routes).orElse(List.of()));
            events = Optional.of(endpoint);
        }
        HttpEndpoint http = ServiceHttp.start(config, environment, metrics,
                () -> LeaseProbe.health(poller.leading(), fatal.isDone()), List.of());
        return new PollerService(poller, http, inventory, events, webhooks);
    }

    public ConnectivityPoller poller() {
        return poller;
    }

    private static Map<String, Object> producer(KafkaSettings kafka, String clientSuffix) {
        Map<String, Object> config = new HashMap<>(kafka.producer());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, config.getOrDefault(ProducerConfig.CLIENT_ID_CONFIG, "fleetdiag-poller") + clientSuffix);
        return config;
    }

    public Optional<InventorySource> inventory() {
        return inventory;
    }

    /** The terminal-events endpoint, when its password is given. */
    public Optional<TerminalEventsEndpoint> events() {
        return events;
    }

    /** The Management webhooks, when their HMAC key is given (served on the events listener). */
    public Optional<ManagementWebhooksEndpoint> webhooks() {
        return webhooks;
    }

    public int httpPort() {
        return http.port();
    }

    @Override
    public void close() throws Exception {
        // the listener first, so no webhook reaches an inventory source that is closing
        if (events.isPresent()) {
            events.get().close();
        }
        if (webhooks.isPresent()) {
            webhooks.get().close();
        }
        if (inventory.isPresent()) {
            inventory.get().close();
        }
        poller.close();
        http.close();
    }
}
