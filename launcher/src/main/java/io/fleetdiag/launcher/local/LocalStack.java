package io.fleetdiag.launcher.local;

import io.fleetdiag.dispatcher.DispatcherService;
import io.fleetdiag.kafka.embedded.EmbeddedKafka;
import io.fleetdiag.notifier.NotifierService;
import io.fleetdiag.poller.PollerService;
import io.fleetdiag.poller.events.EventsSettings;
import io.fleetdiag.poller.events.TerminalEventsEndpoint;
import io.fleetdiag.poller.webhooks.ManagementWebhooksEndpoint;
import io.fleetdiag.poller.webhooks.WebhooksSettings;
import io.fleetdiag.processor.ProcessorService;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.simulator.SimulatorConfig;
import io.fleetdiag.simulator.TerminalSimulator;
import io.fleetdiag.simulator.api.EventNotifier;
import io.fleetdiag.simulator.api.ManagementWebhooks;
import io.fleetdiag.simulator.api.LatencyModel;
import io.fleetdiag.simulator.inventory.InventoryEntry;
import io.fleetdiag.simulator.life.LifeRates;
import io.fleetdiag.terminalapi.ApiFlavour;
import io.fleetdiag.terminalapi.ApiKey;
import io.fleetdiag.terminalapi.TerminalApiClient;
import io.fleetdiag.terminalapi.TerminalApiConfig;
import io.fleetdiag.terminalapi.management.ManagementApiConfig;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system in one JVM on the embedded default: a KRaft broker, the schema registry, the
 * terminal simulator with a living fleet, and the three services, at a {@link LocalCadence} derived from
 * the fleet: on a small fleet intervals short enough that every alert type shows within minutes, on a
 * large one as short as this machine holds. Everything persistent lives under the data directory, so a
 * second start on it resumes.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);
    private static final String SIMULATOR_KEY = "fleetdiag-local-simulator-key";
    private static final String SIMULATOR_MANAGEMENT_KEY = "fleetdiag-local-simulator-management-key";

    /** The share of event notifications the simulated terminals send twice, as real ones resend. */
    static final double EVENT_RESEND_SHARE = 0.2;

    /** The simulator spreads the local fleet over this many merchant accounts; the poller polls each. */
    static final int MERCHANT_ACCOUNTS = 2;

    /**
     * What to run. Ports of 0 are picked free.
     *
     * @param settings the services' settings given with {@code --set}, over the cadence derived from {@code terminals}
     * @param notifierRouting with a routing file, the notifier runs too (docs/notifications.md)
     */
    public record Options(int terminals, Path dataDir, int httpPort, int kafkaPort, int registryPort, int simulatorPort, long seed,
                          String profile, Map<String, String> settings, Optional<Path> notifierRouting) {

        public Options {
            settings = Map.copyOf(settings);
            Objects.requireNonNull(notifierRouting, "notifierRouting");
        }

        /** With no --set and no notifier: the cadence derived from the fleet. */
        public Options(int terminals, Path dataDir, int httpPort, int kafkaPort, int registryPort, int simulatorPort, long seed,
                       String profile) {
            this(terminals, dataDir, httpPort, kafkaPort, registryPort, simulatorPort, seed, profile, Map.of(), Optional.empty());
        }

        /** The services' settings; a {@link io.fleetdiag.service.ConfigurationException} when a --set is wrong. */
        public LocalSettings serviceSettings() {
            return LocalSettings.of(terminals, MERCHANT_ACCOUNTS, settings);
        }
    }

    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final CompletableFuture<RuntimeException> fatal = new CompletableFuture<>();
    private EmbeddedKafka kafka;
    private EmbeddedSchemaRegistry registry;
    private TerminalSimulator simulator;
    private int httpPort;

    private LocalStack() {
    }

    /**
     * Starts everything, telling {@code progress} what it is doing; on failure stops what already runs. Wrong settings
     * (a {@link io.fleetdiag.service.ConfigurationException}) and taken ports stop it before anything starts.
     */
    public static LocalStack start(Options options, Consumer<String> progress) throws Exception {
        LocalSettings settings = options.serviceSettings();
        Ports.requireFree(options.kafkaPort(), "Kafka", "--kafka-port");
        Ports.requireFree(options.kafkaPort() == 0 ? 0 : options.kafkaPort() + 1, "the Kafka controller", "--kafka-port");
        Ports.requireFree(options.registryPort(), "the schema registry", "--registry-port");
        Ports.requireFree(options.simulatorPort(), "the terminal simulator", "--simulator-port");
        Ports.requireFree(options.httpPort(), "the REST API", "--http-port");
        LocalStack stack = new LocalStack();
        try {
            stack.startAll(options, settings, progress);
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(Options options, LocalSettings settings, Consumer<String> progress) throws Exception {
        Path data = options.dataDir().toAbsolutePath();
        int kafkaPort = options.kafkaPort() == 0 ? Ports.free() : options.kafkaPort();
        int controllerPort = options.kafkaPort() == 0 ? Ports.free() : options.kafkaPort() + 1;
        int registryPort = options.registryPort() == 0 ? Ports.free() : options.registryPort();

        progress.accept("starting Kafka (KRaft) and the schema registry");
        CompletableFuture<EmbeddedSchemaRegistry> registryStart = CompletableFuture.supplyAsync(() -> {
            try {
                return EmbeddedSchemaRegistry.start(data.resolve("registry"), data.resolve("logs").resolve("schema-registry.log"), registryPort);
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
        kafka = keep(EmbeddedKafka.start(data.resolve("kafka"), kafkaPort, controllerPort));
        registry = keep(registryStart.join());

        progress.accept("starting the terminal simulator with " + options.terminals() + " terminals");
        simulator = keep(TerminalSimulator.start(SimulatorConfig.defaults(SIMULATOR_KEY)
                .withPort(options.simulatorPort())
                .withTerminals(options.terminals())
                .withSeed(options.seed())
                .withMerchants(MERCHANT_ACCOUNTS)
                .withReferenceTerminals(false)
                .withManagementApiKey(SIMULATOR_MANAGEMENT_KEY)
                .withRates(LifeRates.named(options.profile()))
                .withLatency(new LatencyModel(300, 0.5))));
        TerminalApiClient adyen = TerminalApiClient.create(TerminalApiConfig.of(simulator.baseUrl(), ApiFlavour.TERMINAL_API,
                ApiKey.of(SIMULATOR_KEY), true).withRequestTimeout(Duration.ofSeconds(30)));

        Map<String, String> common = new HashMap<>();
        common.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        common.put("schema.registry.url", registry.confluentApiUrl());
        common.put("topics.partitions", "3");
        common.put("topics.replication-factor", "1");
        common.put("http.port", "0");

        progress.accept("starting the result processor");
        Map<String, String> processorWiring = new HashMap<>(common);
        processorWiring.putAll(Map.of(
                "processor.application-id", "fleetdiag-local-processor",
                "processor.state-dir", data.resolve("processor").toString(),
                "http.port", Integer.toString(options.httpPort()),
                "reboot.endpoint", simulator.baseUrl() + "/v3",
                "reboot.company-id", InventoryEntry.COMPANY_ID,
                "reboot.allow-plain-http", "true"));
        ProcessorService processor = keep(ProcessorService.start(settings.config(LocalSettings.Service.PROCESSOR, processorWiring),
                Map.of(ManagementApiConfig.KEY_ENV, SIMULATOR_MANAGEMENT_KEY), fatal));
        httpPort = processor.httpPort();
        if (!processor.awaitRunning(Duration.ofMinutes(3))) {
            throw new LocalStartException("The result processor did not finish restoring its state within 3 minutes; see "
                    + data.resolve("logs").resolve("fleetdiag.log"));
        }

        progress.accept("starting the diagnosis dispatcher");
        keep(DispatcherService.start(settings.config(LocalSettings.Service.DISPATCHER, common), adyen, Map.of(), fatal));

        progress.accept("starting the connectivity poller");
        Map<String, String> pollerWiring = new HashMap<>(common);
        pollerWiring.put("poller.scopes", String.join(",", simulator.fleet().merchantAccounts()));
        pollerWiring.put("inventory.endpoint", simulator.baseUrl() + "/v3");
        // the simulated terminals' event URL: a password of this run's own, a port picked free
        String eventsPassword = UUID.randomUUID().toString();
        pollerWiring.put("events.port", "0");
        pollerWiring.put(EventsSettings.PASSWORD, eventsPassword);
        // and the Management webhook's HMAC key, so the simulator's reassignments reach the inventory at once
        byte[] hmacKey = new byte[32];
        new SecureRandom().nextBytes(hmacKey);
        pollerWiring.put(WebhooksSettings.HMAC_KEY, HexFormat.of().formatHex(hmacKey));
        PollerService poller = keep(PollerService.start(settings.config(LocalSettings.Service.POLLER, pollerWiring), adyen,
                Map.of(ManagementApiConfig.KEY_ENV, SIMULATOR_MANAGEMENT_KEY), fatal));
        int eventsPort = poller.events().orElseThrow().port();
        simulator.sendEventsTo(new EventNotifier.Target(URI.create("http://127.0.0.1:" + eventsPort + TerminalEventsEndpoint.PATH),
                settings.config(LocalSettings.Service.POLLER, pollerWiring).get("events.username"), eventsPassword), EVENT_RESEND_SHARE);
        simulator.sendWebhooksTo(new ManagementWebhooks.Target(URI.create("http://127.0.0.1:" + eventsPort + ManagementWebhooksEndpoint.PATH),
                pollerWiring.get(WebhooksSettings.HMAC_KEY)));
        if (options.notifierRouting().isPresent()) {
            progress.accept("starting the notifier");
            Map<String, String> notifierSettings = new HashMap<>(common);
            notifierSettings.putAll(Map.of(
                    "notifier.routing-file", options.notifierRouting().get().toAbsolutePath().toString(),
                    "notifier.group-id", "fleetdiag-local-notifier",
                    "notifier.dashboard-url", "http://127.0.0.1:" + httpPort + "/dashboard/"));
            // the environment gives the routing file's secrets (secretEnv)
            Map<String, String> notifierValues = new HashMap<>();
            NotifierService.defaults().forEach(notifierValues::putAll);
            notifierValues.putAll(notifierSettings);
            keep(NotifierService.start(ServiceConfig.of(notifierValues), System.getenv(), fatal));
        }
        LOG.info("fleetdiag local: Kafka {}, registry {}, simulator {}, REST http://127.0.0.1:{}", kafka.bootstrapServers(),
                registry.confluentApiUrl(), simulator.baseUrl(), httpPort);
    }

    private <T extends AutoCloseable> T keep(T resource) {
        running.push(resource);
        return resource;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String schemaRegistryUrl() {
        return registry.confluentApiUrl();
    }

    public int httpPort() {
        return httpPort;
    }

    public TerminalSimulator simulator() {
        return simulator;
    }

    /** Completes when a service cannot go on. */
    public CompletableFuture<RuntimeException> fatal() {
        return fatal;
    }

    @Override
    public void close() {
        while (!running.isEmpty()) {
            AutoCloseable resource = running.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Stopping {} failed", resource.getClass().getSimpleName(), e);
            }
        }
    }
}
