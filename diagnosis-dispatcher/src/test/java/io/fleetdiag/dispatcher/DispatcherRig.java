package io.fleetdiag.dispatcher;

import io.fleetdiag.schemas.CheckReason;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import io.fleetdiag.service.GroupAssignment;
import io.fleetdiag.terminalapi.CallOutcome;
import io.fleetdiag.terminalapi.ConnectedTerminals;
import io.fleetdiag.terminalapi.DiagnosisAnswer;
import io.fleetdiag.terminalapi.DiagnosisCall;
import io.fleetdiag.terminalapi.TerminalApiClient;
import io.fleetdiag.testsupport.SteppedClock;
import io.fleetdiag.topics.Topic;
import io.fleetdiag.topics.TopicCatalog;
import io.fleetdiag.topics.TopicNames;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A {@link DispatchLoop} on the test thread with a MockConsumer (keeping commit metadata), a MockProducer that acknowledges only
 * when told, a clock that moves only when told, and a Terminal API whose answers the test gives.
 */
final class DispatcherRig {

    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    /** A call the dispatcher made, answered when the test completes it. */
    record Call(DiagnosisCall request, CompletableFuture<DiagnosisAnswer> answer) {
        void answer(CallOutcome outcome, String message) {
            answer.complete(DiagnosisAnswer.failure(outcome, 200, message, null, Duration.ofMillis(40)));
        }
    }

    final SteppedClock clock = new SteppedClock(START);
    final TopicCatalog catalog = new TopicCatalog(TopicNames.from(Map.of("topics.prefix", "unit.")), new SingleObjectAvroSerdes());
    final MetadataKeepingConsumer consumer = new MetadataKeepingConsumer();
    final MockProducer<String, byte[]> producer;
    final List<Call> calls = new CopyOnWriteArrayList<>();
    final List<RuntimeException> fatal = new CopyOnWriteArrayList<>();
    final DispatcherSettings settings;
    final DispatchLoop loop;
    final TopicPartition requests0;
    final TopicPartition retries0;
    private final Map<TopicPartition, Long> nextOffset = new HashMap<>();

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    DispatcherRig(int maxInFlight, int maxAttempts, int queueHighWater, Duration shutdownGrace, boolean autoAcknowledge) {
        producer = new MockProducer<>(autoAcknowledge, null, new StringSerializer(), new ByteArraySerializer());
        settings = new DispatcherSettings(maxInFlight, "fleetdiag", maxAttempts, Duration.ofMinutes(15), Duration.ofSeconds(2),
                Duration.ofMinutes(1), 0, queueHighWater, shutdownGrace, Duration.ofSeconds(1), "unit-dispatcher", Duration.ofSeconds(10));
        TerminalApiClient adyen = new TerminalApiClient() {
            @Override
            public CompletableFuture<ConnectedTerminals> connectedTerminals(String merchantAccount, String store, String uniqueTerminalId) {
                throw new UnsupportedOperationException("the dispatcher does not list terminals");
            }

            @Override
            public CompletableFuture<DiagnosisAnswer> diagnose(DiagnosisCall call) {
                CompletableFuture<DiagnosisAnswer> answer = new CompletableFuture<>();
                calls.add(new Call(call, answer));
                return answer;
            }
        };
        loop = new DispatchLoop(settings, catalog, adyen, new DispatcherMetrics(meters), clock, new SplittableRandom(7),
                fatal::add, consumer, producer);
        requests0 = new TopicPartition(catalog.checkRequests().name(), 0);
        retries0 = new TopicPartition(catalog.checkRetries().name(), 0);
    }

    DispatcherRig() {
        this(8, 3, 100, Duration.ofSeconds(5), false);
    }

    /** Subscribes and gets partition 0 of both topics. */
    DispatcherRig assigned() {
        loop.subscribe(new GroupAssignment());
        consumer.rebalance(List.of(requests0, retries0));
        consumer.updateBeginningOffsets(Map.of(requests0, 0L, retries0, 0L));
        return this;
    }

    static DiagnosisCheckRequest request(String requestId, String poiid) {
        return DiagnosisCheckRequest.newBuilder().setRequestId(requestId).setPoiid(poiid).setMerchantAccount("Merchant")
                .setReason(CheckReason.SCHEDULED).setRequestedAt(START).build();
    }

    void deliver(TopicPartition partition, DiagnosisCheckRequest request) {
        deliverBytes(partition, catalog.checkRequests().valueSerde().serializer().serialize(partition.topic(), request));
    }

    void deliverBytes(TopicPartition partition, byte[] value) {
        long offset = nextOffset.merge(partition, 1L, Long::sum) - 1;
        consumer.addRecord(new ConsumerRecord<>(partition.topic(), partition.partition(), offset,
                "POI-key".getBytes(StandardCharsets.UTF_8), value));
    }

    void step() {
        loop.step();
    }

    /** Steps past the commit interval, so the step ends with a commit. */
    void stepToCommit() {
        clock.advance(settings.commitInterval());
        loop.step();
    }

    OffsetAndMetadata committed(TopicPartition partition) {
        return consumer.committed(Set.of(partition)).get(partition);
    }

    <V> List<V> written(Topic<String, V> topic) {
        return producer.history().stream().filter(record -> record.topic().equals(topic.name()))
                .map(record -> topic.valueSerde().deserializer().deserialize(topic.name(), record.value()))
                .collect(Collectors.toCollection(ArrayList::new));
    }

    List<ProducerRecord<String, byte[]>> history() {
        return producer.history();
    }
}
