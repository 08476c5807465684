package io.fleetdiag.benchmarks.presence;

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

    private final List<String> poiids;
    private final Instant start;

    SnapshotInput(int terminals, int snapshots) {
        poiids = new ArrayList<>(terminals);
        for (int i = 0; i < terminals; i++) {
            poiids.add("V400m-" + (100_000_000 + i));
        }
        start = Instant.now().minus(POLL.multipliedBy(snapshots + 1L));
    }

    int terminals() {
        return poiids.size();
    }

    /** Writes snapshots {@code from} (0-based) up to {@code to}, exclusive, to {@code topic}. */
    void produce(Map<String, Object> producerConfig, Serializer<ConnectivitySnapshot> serializer, String topic, int from, int to) {
        int chunks = (poiids.size() + CHUNK - 1) / CHUNK;
        try (KafkaProducer<String, ConnectivitySnapshot> producer = new KafkaProducer<>(producerConfig, new StringSerializer(), serializer)) {
            for (int snapshot = from; snapshot < to; snapshot++) {
                Instant polledAt = start.plus(POLL.multipliedBy(snapshot));
                for (int chunk = 0; chunk < chunks; chunk++) {
                    List<String> part = poiids.subList(chunk * CHUNK, Math.min(poiids.size(), (chunk + 1) * CHUNK));
                    ConnectivitySnapshot record = ConnectivitySnapshot.newBuilder().setSnapshotId("snapshot-" + snapshot).setScope(SCOPE)
                            .setMerchantAccount(SCOPE).setStore(null).setPolledAt(polledAt).setPollDurationMs(70).setChunkIndex(chunk)
                            .setChunkCount(chunks).setTotalTerminals(poiids.size()).setUniqueTerminalIds(part).build();
                    producer.send(new ProducerRecord<>(topic, null, polledAt.toEpochMilli(), SCOPE, record));
                }
            }
            producer.flush();
        }
    }
}
