package io.fleetdiag.dispatcher;

import io.fleetdiag.service.GroupAssignment;
import io.fleetdiag.service.ServiceHttp;
import io.fleetdiag.service.KafkaSettings;
import io.fleetdiag.terminalapi.TerminalApiClient;
import io.fleetdiag.topics.TopicCatalog;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes check requests and retries, calls the Terminal API, and publishes a result for every check
 * it finishes, on a thread of its own that runs {@link DispatchLoop}. Offsets are committed only up to
 * the first record whose result or retry the broker has not yet acknowledged.
 */
public final class DiagnosisDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DiagnosisDispatcher.class);
    private static final Duration CLIENT_CLOSE = Duration.ofSeconds(5);

    private final DispatcherSettings settings;
    private final Consumer<byte[], byte[]> consumer;
    private final Producer<String, byte[]> producer;
    private final java.util.function.Consumer<RuntimeException> fatal;
    private final DispatchLoop loop;
    private final Thread thread;
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private final GroupAssignment ownership = new GroupAssignment();

    /**
     * @param fatal told when the service cannot go on (a refused API key); the caller then stops the dispatcher
     */
    public DiagnosisDispatcher(DispatcherSettings settings, KafkaSettings kafka, TopicCatalog catalog, TerminalApiClient adyen,
                               MeterRegistry registry, Clock clock, java.util.function.Consumer<RuntimeException> fatal) {
        this(settings, catalog, adyen, registry, clock, fatal, consumer(settings, kafka),
                new KafkaProducer<>(kafka.producer(), new StringSerializer(), new ByteArraySerializer()));
    }

    /** With given clients; the dispatcher owns them from here and closes them when it stops. */
    public DiagnosisDispatcher(DispatcherSettings settings, TopicCatalog catalog, TerminalApiClient adyen, MeterRegistry registry,
                               Clock clock, java.util.function.Consumer<RuntimeException> fatal, Consumer<byte[], byte[]> consumer,
                               Producer<String, byte[]> producer) {
        this.settings = settings;
        this.consumer = consumer;
        this.producer = producer;
        this.fatal = fatal;
        this.loop = new DispatchLoop(settings, catalog, adyen, new DispatcherMetrics(registry), clock, new SplittableRandom(), fatal,
                consumer, producer);
        this.thread = new Thread(this::run, "dispatcher-loop");
    }

    private static Consumer<byte[], byte[]> consumer(DispatcherSettings settings, KafkaSettings kafka) {
        Map<String, Object> config = new HashMap<>(kafka.consumer(settings.groupId()));
        // the same partition of both topics holds the same terminals: range assignment keeps them on one instance
        config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    public void start() {
        thread.start();
    }

    private void run() {
        try {
            loop.subscribe(ownership);
            while (loop.running()) {
                loop.step();
            }
            loop.finish();
        } catch (RuntimeException e) {
            LOG.error("The dispatcher loop failed", e);
            fatal.accept(e);
        } finally {
            consumer.close(CLIENT_CLOSE);
            producer.close(CLIENT_CLOSE);
            stopped.complete(null);
        }
    }

    /** Stops taking work, waits up to {@code grace} for calls in flight, commits what is finished. */
    public void close(Duration grace) throws InterruptedException {
        loop.stop(grace);
        thread.join(grace.plusSeconds(30).toMillis());
    }

    @Override
    public void close() throws InterruptedException {
        close(settings.shutdownGrace());
    }

    public boolean stopped() {
        return stopped.isDone();
    }

    /** Live until the loop stops; ready while it holds the share of partitions the group gave it. */
    public ServiceHttp.Health health() {
        return ownership.health(stopped());
    }
}
