package io.fleetdiag.benchmarks.presence;

import io.fleetdiag.poller.snapshot.SnapshotChunker;
import io.fleetdiag.schemas.ConnectivitySnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One static scope's snapshots as the poller writes them: every poll lists the same terminals, in
 * chunks of the poller's size, 30 s apart.
 */
final class SnapshotInput {

    static final String SCOPE = "BenchFleet";
    static final Duration POLL = Duration.ofSeconds(30);
    static final int CHUNK = 10_000;
    private static final Duration POLL_DURATION = Duration.ofMillis(70);

    private final List<String> poiids;
    private final Instant start;

    SnapshotInput(int terminals, int snapshots) {
        poiids = new ArrayList<>(terminals);
        for (int i = 0; i < terminals; i++) {
            poiids.add("V400m-" + (100_000_000 + i));
        }
        start = Instant.now().minus(POLL.multipliedBy(snapshots + 1L));
    }

    /** Writes snapshots {@code from} (0-based) up to {@code to}, exclusive, to {@code topic}. */
    void produce(Map<String, Object> producerConfig, Serializer<ConnectivitySnapshot> serializer, String topic, int from, int to) {
        SnapshotChunker chunker = new SnapshotChunker(CHUNK);
        try (KafkaProducer<String, ConnectivitySnapshot> producer = new KafkaProducer<>(producerConfig, new StringSerializer(), serializer)) {
            for (int snapshot = from; snapshot < to; snapshot++) {
                Instant polledAt = start.plus(POLL.multipliedBy(snapshot));
                for (ConnectivitySnapshot record : chunker.chunks(SCOPE, SCOPE, null, poiids, polledAt, POLL_DURATION)) {
                    producer.send(new ProducerRecord<>(topic, null, polledAt.toEpochMilli(), SCOPE, record));
                }
            }
            producer.flush();
        }
    }
}
