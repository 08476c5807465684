package io.fleetdiag.processor;

import io.fleetdiag.service.access.AccessSettings;
import io.fleetdiag.service.access.Authenticator;
import io.fleetdiag.processor.health.InputLag;
import io.fleetdiag.processor.health.ProbeMetrics;
import io.fleetdiag.processor.health.RestoreProgress;
import io.fleetdiag.processor.health.StreamsProbe;
import io.fleetdiag.processor.api.AlertOperationsApi;
import io.fleetdiag.processor.api.CheckRequestsApi;
import io.fleetdiag.processor.api.RebootApi;
import io.fleetdiag.processor.api.StoreTerminals;
import io.fleetdiag.processor.api.ProcessorQueries;
import io.fleetdiag.processor.reboot.RebootSettings;
import io.fleetdiag.processor.signin.DashboardSignIn;
import io.fleetdiag.processor.api.QueryException;
import io.fleetdiag.processor.errors.DeadLetterDeserializationHandler;
import io.fleetdiag.processor.errors.DeadLetterProcessingHandler;
import io.fleetdiag.processor.errors.DeadLetterWriter;
import io.fleetdiag.processor.events.LiveEvents;
import io.fleetdiag.processor.operations.AlertOperations;
import io.fleetdiag.processor.operations.SilenceSweeper;
import io.fleetdiag.processor.terminal.TerminalStateCodec;
import io.fleetdiag.schemas.AlertOperation;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import io.fleetdiag.schemas.TerminalAction;
import io.fleetdiag.serde.SchemaRegistryClient;
import io.fleetdiag.service.KafkaSettings;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.service.ServiceHttp;
import io.fleetdiag.service.SettingsDefinition;
import io.fleetdiag.service.http.ClasspathFiles;
import io.fleetdiag.service.http.HttpEndpoint;
import io.fleetdiag.service.http.Permission;
import io.fleetdiag.service.http.Route;
import io.fleetdiag.service.http.StreamRoute;
import io.fleetdiag.topics.TopicCatalog;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/**
 * The result processor as a running service: topics and schemas in place, the Kafka Streams
 * application (exactly_once_v2), and its HTTP side (queries, check requests, live events, the
 * dashboard's static files, health, metrics).
 * A little over 250 lines: it is the one place where the streams application and every HTTP part are wired
 * and closed in order.
 */
public final class ProcessorService implements AutoCloseable {

    /** How often ended silences past their retention are removed. */
    private static final Duration SWEEP_EVERY = Duration.ofHours(1);

    private final KafkaStreams streams;
    private final HttpEndpoint http;
    private final Producer<String, AlertOperation> operations;
    private final Producer<String, DiagnosisCheckRequest> checks;
    private final Producer<String, TerminalAction> actions;
    private final LiveEvents events;
    private final SilenceSweeper sweeper;
    private final CompletableFuture<Void> running;

    private ProcessorService(KafkaStreams streams, HttpEndpoint http, Producer<String, AlertOperation> operations,
                             Producer<String, DiagnosisCheckRequest> checks, Producer<String, TerminalAction> actions, LiveEvents events, SilenceSweeper sweeper,
                             CompletableFuture<Void> running) {
        this.sweeper = sweeper;
        this.streams = streams;
        this.http = http;
        this.operations = operations;
        this.checks = checks;
        this.actions = actions;
        this.events = events;
        this.running = running;
    }

    public static List<SettingsDefinition> definitions() {
        return List.of(KafkaSettings.DEFINITION, ServiceHttp.DEFINITION, ProcessorSettings.DEFINITION, DashboardSignIn.DEFINITION,
                RebootSettings.DEFINITION);
    }

    public static List<Map<String, String>> defaults() {
        return definitions().stream().map(SettingsDefinition::defaults).toList();
    }

    public static ProcessorService start(ServiceConfig config, Map<String, String> environment,
                                         CompletableFuture<RuntimeException> fatal) throws Exception {
        return start(config, environment, AccessSettings.authenticator(config, environment), fatal);
    }

    /**
     * @param authenticator who calls the HTTP routes; the {@code FLEETDIAG_HTTP_TOKEN} of {@code environment}
     *                      is still what this instance asks its peers with when it asks for itself
     */
    public static ProcessorService start(ServiceConfig config, Map<String, String> environment, Authenticator authenticator,
                                         CompletableFuture<RuntimeException> fatal) throws Exception {
        ProcessorSettings settings = ProcessorSettings.from(config);
        KafkaSettings kafka = new KafkaSettings(config, "fleetdiag-processor");
        SchemaRegistryClient registry = kafka.registry();
        TopicCatalog catalog = kafka.catalog(registry);
        int terminalPartitions;
        try (Admin admin = Admin.create(kafka.admin())) {
            kafka.prepare(admin, registry, catalog.all());
            terminalPartitions = admin.describeTopics(List.of(catalog.results().name())).allTopicNames().get()
                    .get(catalog.results().name()).partitions().size();
        }

        AtomicReference<KafkaStreams> running = new AtomicReference<>();
        String host = config.find(ProcessorSettings.ADVERTISED_HOST.name()).orElse(config.get("http.host"));
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Optional<String> token = Optional.ofNullable(environment.get(ServiceHttp.TOKEN_ENV));
        // the HTTP port must be known before Streams starts: Streams tells its peers where to ask
        AtomicReference<HostInfo> advertised = new AtomicReference<>();
        ProcessorQueries queries = new ProcessorQueries(running::get, advertised::get, token, new TerminalStateCodec(catalog.terminalState()));
        Producer<String, AlertOperation> operations = new KafkaProducer<>(kafka.producer(),
                catalog.alertOperations().keySerde().serializer(), catalog.alertOperations().valueSerde().serializer());
        Producer<String, DiagnosisCheckRequest> checks = new KafkaProducer<>(kafka.producer(),
                catalog.checkRequests().keySerde().serializer(), catalog.checkRequests().valueSerde().serializer());
        Producer<String, TerminalAction> actions = new KafkaProducer<>(kafka.producer(),
                catalog.terminalActions().keySerde().serializer(), catalog.terminalActions().valueSerde().serializer());
        LiveEvents events = LiveEvents.start(kafka.admin(), catalog, as -> {
            try {
                return Optional.of(queries.fleet(as).json().toString());
            } catch (QueryException e) {
                return Optional.empty();
            }
        });
        StreamsProbe probe = new StreamsProbe(ProcessorSettings.READY_MAX_LAG.read(config));
        RestoreProgress restores = new RestoreProgress();
        Supplier<ServiceHttp.Health> health = () -> health(running.get(), probe, restores);
        ProbeMetrics.bind(metrics, health);
        SilenceSweeper sweeper = new SilenceSweeper(() -> AlertOperations.queried(running.get().store(StoreQueryParameters.fromNameAndType(
                AlertOperations.TABLE, QueryableStoreTypes.<String, AlertOperation>keyValueStore()))), operations, catalog.alertOperations().name(),
                ProcessorSettings.SILENCE_RETENTION.read(config), Clock.systemUTC()).every(SWEEP_EVERY);
        HttpEndpoint http = ServiceHttp.start(config, authenticator, metrics, health, routes(queries,
                AlertOperationsApi.onStreams(running::get, advertised::get, token, queries::terminal, operations, catalog.alertOperations().name()),
                new CheckRequestsApi(queries::terminal, checks, catalog.checkRequests().name(), Clock.systemUTC()),
                new RebootApi(queries::terminal, StoreTerminals.of(queries), RebootSettings.from(config, environment), actions,
                        catalog.terminalActions().name(), queries::reboots, Clock.systemUTC()), events, DashboardSignIn.from(config)));
        HostInfo self = new HostInfo(host, http.port());
        advertised.set(self);

        Properties properties = streamsProperties(config, kafka, catalog);
        properties.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());

        KafkaStreams streams = new KafkaStreams(ResultProcessorTopology.buildTopology(
                new ResultProcessorTopology.Config(settings, catalog, terminalPartitions)), properties);
        CompletableFuture<Void> firstRunning = new CompletableFuture<>();
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                firstRunning.complete(null);
            }
            if (now == KafkaStreams.State.ERROR) {
                fatal.complete(new IllegalStateException("The result processor's stream threads stopped; see the log for the cause"));
            }
        });
        streams.setGlobalStateRestoreListener(restores);
        new KafkaStreamsMetrics(streams).bindTo(metrics);
        running.set(streams);
        streams.start();
        return new ProcessorService(streams, http, operations, checks, actions, events, sweeper, firstRunning);
    }

    /**
     * The Streams configuration of the processor: exactly_once_v2, its commit interval, threads and
     * state directory, dead-letter handlers. Public so a benchmark can run another topology on exactly
     * the same configuration.
     */
    public static Properties streamsProperties(ServiceConfig config, KafkaSettings kafka, TopicCatalog catalog) {
        Properties properties = kafka.streams();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, ProcessorSettings.APPLICATION_ID.read(config));
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, ProcessorSettings.STATE_DIR.read(config));
        properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, (int) ProcessorSettings.COMMIT_INTERVAL.read(config).toMillis());
        properties.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, ProcessorSettings.STREAM_THREADS.read(config));
        // never wait for an empty input partition: the terminal task reads five topics, and Kafka Streams formats a
        // log line for every empty one before each record when it may wait (an eighth of the stream thread). The
        // inputs come from independent services, so no order across topics was promised; each topic's stays.
        properties.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, -1L);
        properties.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, ProcessorSettings.STANDBY_REPLICAS.read(config));
        properties.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) kafka.replicationFactor());
        properties.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class.getName());
        properties.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class.getName());
        properties.put(DeadLetterWriter.TOPIC_CONFIG, catalog.deadLetters().name());
        properties.putAll(kafka.serdeConfigs());
        return properties;
    }

    /** Waits until the application has restored its state and processes; false if it did not within {@code timeout}. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        try {
            running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The processor's routes beside {@code /health} and {@code /metrics}; docs/dashboard.md has them, generated. */
    public static List<Route> routes(ProcessorQueries queries, AlertOperationsApi operations, CheckRequestsApi checks, RebootApi reboots,
                                     StreamRoute events, DashboardSignIn signIn) {
        List<Route> routes = new ArrayList<>(queries.routes());
        routes.addAll(operations.routes());
        routes.addAll(checks.routes());
        routes.addAll(reboots.routes());
        routes.add(Route.stream("/events", Permission.READ, "Server-Sent Events: alerts, store health and fleet counts as they change, of the caller's scope", events));
        routes.addAll(signIn.routes());
        routes.addAll(Route.files("/dashboard", "the dashboard's pages, without the token: they hold no data",
                new ClasspathFiles("dashboard", ProcessorService.class.getClassLoader())));
        return routes;
    }

    private static ServiceHttp.Health health(KafkaStreams streams, StreamsProbe probe, RestoreProgress restores) {
        if (streams == null) {
            return probe.health(KafkaStreams.State.CREATED, 0, 0, 0);
        }
        return probe.health(streams.state(), restores.restoring(), restores.remaining(), InputLag.of(streams.metrics()));
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** The event streams, to see what their clients cost. */
    LiveEvents liveEvents() {
        return events;
    }

    public int httpPort() {
        return http.port();
    }

    @Override
    public void close() throws Exception {
        sweeper.close();
        events.close();
        streams.close(Duration.ofSeconds(30));
        http.close();
        operations.close(Duration.ofSeconds(10));
        checks.close(Duration.ofSeconds(10));
        actions.close(Duration.ofSeconds(10));
    }
}
