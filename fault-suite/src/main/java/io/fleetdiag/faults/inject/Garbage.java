package io.fleetdiag.faults.inject;

import io.fleetdiag.dispatcher.checks.PendingCheck;
import io.fleetdiag.dispatcher.results.ResultFactory;
import io.fleetdiag.faults.cluster.RestartableBroker;
import io.fleetdiag.faults.ledger.Ledger;
import io.fleetdiag.faults.report.Verdict;
import io.fleetdiag.poller.snapshot.SnapshotChunker;
import io.fleetdiag.schemas.CheckReason;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import io.fleetdiag.terminalapi.CallOutcome;
import io.fleetdiag.terminalapi.DiagnosisAnswer;
import io.fleetdiag.topics.TopicCatalog;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes records no fleetdiag service can decode into its input topics, each of a kind that happens
 * in the wild: random bytes, an unknown schema id, a valid record cut short, a valid record of another
 * type, an empty value, in two bursts. Each must end up on the dead-letter topic, with a reason, and
 * nothing else may.
 */
public final class Garbage implements Fault {

    /** Where an injected record landed. */
    public record Landed(String topic, int partition, long offset) {
        public static Landed of(TopicPartition partition, long offset) {
            return new Landed(partition.topic(), partition.partition(), offset);
        }
    }

    private final TopicCatalog catalog;
    private final Random random;
    private final RestartableBroker broker;
    private final Ledger ledger;
    private final int perTopic;
    private final Duration chaos;
    private final List<Landed> injected = Collections.synchronizedList(new ArrayList<>());

    /** @param perTopic records into each input topic, half of them in each burst */
    public Garbage(TopicCatalog catalog, long seed, RestartableBroker broker, Ledger ledger, int perTopic, Duration chaos) {
        this.catalog = catalog;
        this.random = new Random(seed);
        this.broker = broker;
        this.ledger = ledger;
        this.perTopic = perTopic;
        this.chaos = chaos;
    }

    @Override
    public List<Step> steps() {
        long millis = chaos.toMillis();
        return List.of(burst(Duration.ofMillis(millis / 5)), burst(Duration.ofMillis(millis * 7 / 10)));
    }

    private Step burst(Duration at) {
        return Step.inTraffic(at, "garbage into " + inputTopics().size() + " input topics",
                () -> injected.addAll(inject(broker.producerConfig(), perTopic / 2)));
    }

    @Override
    public boolean settled() {
        return ledger.deadLetters().containsAll(injected());
    }

    @Override
    public List<Verdict.Check> checks() {
        Set<Landed> injected = injected();
        Set<Landed> deadLetters = ledger.deadLetters();
        return List.of(
                new Verdict.Check("injected records without a dead letter",
                        injected.stream().filter(landed -> !deadLetters.contains(landed)).count(), 0),
                new Verdict.Check("dead letters of records that were not injected",
                        deadLetters.stream().filter(letter -> !injected.contains(letter)).count(), 0),
                new Verdict.Check("dead letters without a reason", ledger.deadLettersWithoutReason(), 0));
    }

    @Override
    public void count(Map<String, Object> counts) {
        counts.put("garbage records injected", injected().size());
        counts.put("dead letters", ledger.deadLetters().size());
    }

    private Set<Landed> injected() {
        synchronized (injected) {
            return new HashSet<>(injected);
        }
    }

    /** The topics the services read: snapshots and results (processor), check requests and retries (dispatcher). */
    private List<String> inputTopics() {
        return List.of(catalog.snapshots().name(), catalog.results().name(), catalog.checkRequests().name(), catalog.checkRetries().name());
    }

    private List<Landed> inject(Map<String, Object> producerConfig, int perTopic) throws Exception {
        Map<String, byte[]> valid = validSamples();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer())) {
            for (String topic : inputTopics()) {
                byte[] sameType = valid.get(topic);
                byte[] otherType = valid.get(topic.equals(catalog.checkRequests().name()) || topic.equals(catalog.checkRetries().name())
                        ? catalog.snapshots().name() : catalog.checkRequests().name());
                for (int i = 0; i < perTopic; i++) {
                    sent.add(producer.send(new ProducerRecord<>(topic, "garbage-" + i, value(i % 5, sameType, otherType))));
                }
            }
            producer.flush();
        }
        List<Landed> landed = new ArrayList<>();
        for (Future<RecordMetadata> send : sent) {
            RecordMetadata metadata = send.get();
            landed.add(new Landed(metadata.topic(), metadata.partition(), metadata.offset()));
        }
        return landed;
    }

    private byte[] value(int kind, byte[] sameType, byte[] otherType) {
        return switch (kind) {
            case 0 -> {
                byte[] bytes = new byte[1 + random.nextInt(64)];
                random.nextBytes(bytes);
                // not the Confluent magic byte, so it can never pass for a framed record by chance
                bytes[0] = (byte) (1 + random.nextInt(255));
                yield bytes;
            }
            case 1 -> {
                byte[] tail = new byte[random.nextInt(32)];
                random.nextBytes(tail);
                yield ByteBuffer.allocate(5 + tail.length).put((byte) 0).putInt(900_000_000 + random.nextInt(1_000_000)).put(tail).array();
            }
            case 2 -> java.util.Arrays.copyOf(sameType, Math.max(6, sameType.length / 2));
            case 3 -> otherType;
            default -> new byte[0];
        };
    }

    /** One correctly encoded record of each input topic's own type, through the topics' own serializers. */
    private Map<String, byte[]> validSamples() {
        Instant now = Instant.now();
        DiagnosisCheckRequest request = DiagnosisCheckRequest.newBuilder().setRequestId("garbage-sample").setPoiid("V400m-000000000")
                .setReason(CheckReason.MANUAL).setRequestedAt(now).build();
        PendingCheck check = PendingCheck.of(request, new PendingCheck.Source(new TopicPartition("garbage", 0), 0), Duration.ofMinutes(1));
        var result = ResultFactory.finished(check, DiagnosisAnswer.failure(CallOutcome.REJECTED, 400, "sample", null, Duration.ZERO),
                "ABC123", "fleetdiag", now);
        var snapshot = new SnapshotChunker(10).chunks("garbage", "garbage", null, List.of("V400m-000000000"), now, Duration.ZERO).get(0);
        return Map.of(
                catalog.snapshots().name(), catalog.snapshots().valueSerde().serializer().serialize(catalog.snapshots().name(), snapshot),
                catalog.results().name(), catalog.results().valueSerde().serializer().serialize(catalog.results().name(), result),
                catalog.checkRequests().name(), catalog.checkRequests().valueSerde().serializer().serialize(catalog.checkRequests().name(), request),
                catalog.checkRetries().name(), catalog.checkRetries().valueSerde().serializer().serialize(catalog.checkRetries().name(), request));
    }
}
