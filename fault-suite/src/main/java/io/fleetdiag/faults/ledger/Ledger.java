package io.fleetdiag.faults.ledger;

import io.fleetdiag.faults.inject.Garbage;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.DeadLetter;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.schemas.Presence;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.schemas.TerminalState;
import io.fleetdiag.topics.TopicCatalog;
import io.fleetdiag.topics.TopicPartitions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Everything the services wrote, read from the beginning as downstream consumers read it
 * (read_committed): the check requests, the results that answer them, the alert edges, the dead
 * letters, when the processor saw terminals go offline, and whether the API key shows up in any value.
 */
public final class Ledger implements AutoCloseable {

    private final TopicCatalog catalog;
    private final byte[] secret;
    private final Map<String, Instant> requests = new HashMap<>();
    private final Set<String> answered = new HashSet<>();
    private final Map<String, Long> outcomes = new TreeMap<>();
    private final Map<String, List<String>> resultsByTerminal = new HashMap<>();
    private final Map<String, List<AlertStatus>> edgesByAlert = new HashMap<>();
    private final Map<String, AlertStatus> lastEdge = new HashMap<>();
    private final List<TerminalAlert> alertEdges = new ArrayList<>();
    private final Set<Garbage.Landed> deadLetters = new HashSet<>();
    private final Map<String, Set<Instant>> wentOffline = new HashMap<>();
    private long deadLettersWithoutReason;
    private long secretSightings;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    public Ledger(String bootstrapServers, TopicCatalog catalog, String secret) {
        this.catalog = catalog;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        TopicPartitions.assignFromBeginning(consumer, List.of(catalog.checkRequests().name(), catalog.results().name(),
                catalog.alerts().name(), catalog.deadLetters().name(), catalog.terminalState().name()));
        thread = new Thread(() -> {
            try (consumer) {
                while (running.get()) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        read(record);
                    }
                }
            }
        }, "ledger");
        thread.setDaemon(true);
        thread.start();
    }

    private synchronized void read(ConsumerRecord<byte[], byte[]> record) {
        byte[] value = record.value();
        if (value == null) {
            return;
        }
        if (contains(value, secret)) {
            secretSightings++;
        }
        String topic = record.topic();
        try {
            if (topic.equals(catalog.checkRequests().name())) {
                DiagnosisCheckRequest request = catalog.checkRequests().valueSerde().deserializer().deserialize(topic, value);
                requests.putIfAbsent(request.getRequestId(), request.getRequestedAt());
            } else if (topic.equals(catalog.results().name())) {
                DiagnosisResult result = catalog.results().valueSerde().deserializer().deserialize(topic, value);
                answered.add(result.getRequestId());
                answered.addAll(result.getCoalescedRequestIds());
                outcomes.merge(result.getOutcome().name(), 1L, Long::sum);
                resultsByTerminal.computeIfAbsent(result.getPoiid(), poiid -> new ArrayList<>())
                        .add(result.getCompletedAt() + " " + result.getReason() + " " + result.getOutcome()
                                + (result.getErrorCondition() == null ? "" : " " + result.getErrorCondition()));
            } else if (topic.equals(catalog.alerts().name())) {
                TerminalAlert alert = catalog.alerts().valueSerde().deserializer().deserialize(topic, value);
                edgesByAlert.computeIfAbsent(alert.getAlertId(), id -> new ArrayList<>()).add(alert.getStatus());
                alertEdges.add(alert);
                // UPDATED changes an open episode's severity: it neither opens one nor closes it
                if (alert.getPoiid() != null && alert.getStatus() != AlertStatus.UPDATED) {
                    lastEdge.put(alert.getPoiid() + "|" + alert.getType(), alert.getStatus());
                }
            } else if (topic.equals(catalog.terminalState().name())) {
                TerminalState state = catalog.terminalState().valueSerde().deserializer().deserialize(topic, value);
                if (state.getPresence() == Presence.OFFLINE && state.getPresenceChangedAt() != null) {
                    wentOffline.computeIfAbsent(state.getPoiid(), poiid -> new HashSet<>()).add(state.getPresenceChangedAt());
                }
            } else if (topic.equals(catalog.deadLetters().name())) {
                DeadLetter letter = catalog.deadLetters().valueSerde().deserializer().deserialize(topic, value);
                deadLetters.add(new Garbage.Landed(letter.getSourceTopic(), letter.getSourcePartition(), letter.getSourceOffset()));
                if (letter.getReason() == null || letter.getReason().isBlank()) {
                    deadLettersWithoutReason++;
                }
            }
        } catch (SerializationException garbage) {
            // the records the suite injected itself; the dead-letter topic accounts for them
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The results of one terminal in the order they arrived: completedAt, reason, outcome, ErrorCondition. */
    public synchronized List<String> resultsOf(String poiid) {
        return List.copyOf(resultsByTerminal.getOrDefault(poiid, List.of()));
    }

    /** Requests asked for before {@code cutoff} that no result answers yet. */
    public synchronized Set<String> unanswered(Instant cutoff) {
        Set<String> open = new HashSet<>();
        requests.forEach((id, at) -> {
            if (at.isBefore(cutoff) && !answered.contains(id)) {
                open.add(id);
            }
        });
        return open;
    }

    public synchronized long requestedBefore(Instant cutoff) {
        return requests.values().stream().filter(at -> at.isBefore(cutoff)).count();
    }

    public synchronized Map<String, Long> outcomes() {
        return new TreeMap<>(outcomes);
    }

    /** Alert episodes (alertIds) and those with more than one RAISED. */
    public synchronized long episodes() {
        return edgesByAlert.size();
    }

    public synchronized long duplicateRaised() {
        return edgesByAlert.values().stream().filter(edges -> edges.stream().filter(status -> status == AlertStatus.RAISED).count() > 1).count();
    }

    public synchronized long resolvedWithoutRaised() {
        return edgesByAlert.values().stream().filter(edges -> !edges.contains(AlertStatus.RAISED)).count();
    }

    /** Alert episodes with an UPDATED edge before their RAISED or after their RESOLVED: a severity change outside an episode. */
    public synchronized long updatesOutsideEpisode() {
        return edgesByAlert.values().stream().filter(Ledger::updatedOutside).count();
    }

    static boolean updatedOutside(List<AlertStatus> edges) {
        boolean open = false;
        for (AlertStatus status : edges) {
            switch (status) {
                case RAISED -> open = true;
                case RESOLVED -> open = false;
                case UPDATED -> {
                    if (!open) {
                        return true;
                    }
                }
                default -> { }
            }
        }
        return false;
    }

    /** Every alert edge of the type read so far, in the order they arrived. */
    /** Every alert edge, in the order read (per partition, the order written). */
    public synchronized List<TerminalAlert> edges() {
        return List.copyOf(alertEdges);
    }

    public synchronized List<TerminalAlert> edges(AlertType type) {
        return alertEdges.stream().filter(alert -> alert.getType() == type).toList();
    }

    /** The last RAISED or RESOLVED edge of a terminal's alert type (UPDATED leaves it RAISED), or null when it never had one. */
    public synchronized AlertStatus lastEdge(String poiid, String type) {
        return lastEdge.get(poiid + "|" + type);
    }

    /** Whether the processor's state of the terminal went OFFLINE at a moment in [from, to). */
    public synchronized boolean wentOffline(String poiid, Instant from, Instant to) {
        return wentOffline.getOrDefault(poiid, Set.of()).stream().anyMatch(at -> !at.isBefore(from) && at.isBefore(to));
    }

    public synchronized Set<Garbage.Landed> deadLetters() {
        return new HashSet<>(deadLetters);
    }

    public synchronized long deadLettersWithoutReason() {
        return deadLettersWithoutReason;
    }

    public synchronized long secretSightings() {
        return secretSightings;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(10_000);
    }
}
