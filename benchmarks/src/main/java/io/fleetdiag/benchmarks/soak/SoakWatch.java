package io.fleetdiag.benchmarks.soak;

import io.fleetdiag.processor.fleet.FleetAlerts;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.CheckReason;
import io.fleetdiag.schemas.DiagnosisOutcome;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.topics.Topic;
import io.fleetdiag.topics.TopicPartitions;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every diagnosis result and alert of the soak (read_committed, from the beginning) on a thread of its own and
 * keeps only counts and what the control group needs, so half an hour at 100,000 terminals fits in a small heap:
 * scheduled results per second of completion, results by outcome, each control terminal's last successful diagnosis,
 * the control terminals' RAISED alerts and the fleet's alert edges (each with its event time, so the steady window and
 * an outage after it are told apart), and RAISED alerts by type and, for STALE_DIAGNOSIS, by second.
 */
final class SoakWatch implements AutoCloseable {

    private final Set<String> control;
    private final NavigableMap<Long, LongAdder> scheduledBySecond = new ConcurrentSkipListMap<>();
    private final Map<DiagnosisOutcome, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final Map<String, Long> lastSuccess = new ConcurrentHashMap<>();
    private final Queue<Edge> controlAlerts = new ConcurrentLinkedQueue<>();
    private final Queue<Edge> fleetAlerts = new ConcurrentLinkedQueue<>();
    private final Map<String, LongAdder> raisedByType = new ConcurrentHashMap<>();
    private final NavigableMap<Long, LongAdder> staleBySecond = new ConcurrentSkipListMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    /** An alert edge: its key (the terminal, or the fleet's), type, status and event time in epoch milliseconds. */
    record Edge(String key, String type, AlertStatus status, long atMs) {
    }

    /** What the watch had counted at the end of a window: the figures of that window stay as they were, whatever follows it. */
    record Tally(long scheduled, Map<DiagnosisOutcome, Long> outcomes, Map<String, String> falseAlerts, Map<String, Long> raisedByType) {

        long outcomes(DiagnosisOutcome outcome) {
            return outcomes.getOrDefault(outcome, 0L);
        }
    }

    SoakWatch(String bootstrapServers, Topic<String, DiagnosisResult> results, Topic<String, TerminalAlert> alerts, Set<String> control) {
        this.control = Set.copyOf(control);
        KafkaConsumer<String, DiagnosisResult> resultConsumer = consumer(bootstrapServers, results);
        KafkaConsumer<String, TerminalAlert> alertConsumer = consumer(bootstrapServers, alerts);
        thread = new Thread(() -> {
            try (resultConsumer; alertConsumer) {
                while (running.get()) {
                    resultConsumer.poll(Duration.ofMillis(100)).forEach(record -> result(record.value()));
                    for (ConsumerRecord<String, TerminalAlert> record : alertConsumer.poll(Duration.ofMillis(10))) {
                        alert(record.value());
                    }
                }
            }
        }, "soak-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private static <V> KafkaConsumer<String, V> consumer(String bootstrapServers, Topic<String, V> topic) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(), topic.valueSerde().deserializer());
        var partitions = TopicPartitions.of(consumer, topic.name());
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    private void result(DiagnosisResult result) {
        outcomes.computeIfAbsent(result.getOutcome(), outcome -> new LongAdder()).increment();
        long completed = result.getCompletedAt().toEpochMilli();
        if (result.getReason() == CheckReason.SCHEDULED) {
            scheduledBySecond.computeIfAbsent(completed / 1000, second -> new LongAdder()).increment();
        }
        if (result.getOutcome() == DiagnosisOutcome.SUCCESS && control.contains(result.getPoiid())) {
            lastSuccess.merge(result.getPoiid(), completed, Math::max);
        }
    }

    private void alert(TerminalAlert alert) {
        long at = alert.getEventTime().toEpochMilli();
        if (FleetAlerts.TYPES.contains(alert.getType())) {
            // fleetdiag's own alerts about itself: expected while the dispatcher is down, and they must resolve
            fleetAlerts.add(new Edge(FleetAlerts.KEY, alert.getType().name(), alert.getStatus(), at));
        }
        if (alert.getStatus() != AlertStatus.RAISED) {
            return;
        }
        raisedByType.computeIfAbsent(alert.getType().name(), type -> new LongAdder()).increment();
        if (alert.getType() == AlertType.STALE_DIAGNOSIS) {
            staleBySecond.computeIfAbsent(at / 1000, second -> new LongAdder()).increment();
        }
        if (alert.getPoiid() != null && control.contains(alert.getPoiid())) {
            controlAlerts.add(new Edge(alert.getPoiid(), alert.getType().name(), alert.getStatus(), at));
        }
    }

    /** Scheduled checks that completed from {@code fromMs} (inclusive) to {@code toMs} (exclusive), epoch milliseconds. */
    long scheduledBetween(long fromMs, long toMs) {
        return between(scheduledBySecond, fromMs, toMs);
    }

    /** STALE_DIAGNOSIS raised for any terminal from {@code fromMs} to {@code toMs} (event time). */
    long staleRaisedBetween(long fromMs, long toMs) {
        return between(staleBySecond, fromMs, toMs);
    }

    private static long between(NavigableMap<Long, LongAdder> bySecond, long fromMs, long toMs) {
        return bySecond.subMap(fromMs / 1000, true, toMs / 1000, false).values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** The counts so far, the scheduled checks of {@code [fromMs, toMs)} and the control terminals' alerts before {@code toMs}. */
    Tally tally(long fromMs, long toMs) {
        Map<DiagnosisOutcome, Long> counts = new EnumMap<>(DiagnosisOutcome.class);
        outcomes.forEach((outcome, count) -> counts.put(outcome, count.sum()));
        return new Tally(scheduledBetween(fromMs, toMs), counts, falseAlerts(Long.MIN_VALUE, toMs), raisedByType());
    }

    long outcomes(DiagnosisOutcome outcome) {
        LongAdder count = outcomes.get(outcome);
        return count == null ? 0 : count.sum();
    }

    long results() {
        return outcomes.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** How many control terminals have a successful diagnosis completed after {@code sinceMs}. */
    int controlCheckedSince(long sinceMs) {
        return (int) lastSuccess.values().stream().filter(completed -> completed > sinceMs).count();
    }

    /** Seconds since each control terminal's last successful diagnosis, at {@code nowMs}; never diagnosed counts from {@code sinceMs}. */
    void ages(long nowMs, long sinceMs, Collection<Double> into) {
        for (String poiid : control) {
            into.add((nowMs - lastSuccess.getOrDefault(poiid, sinceMs)) / 1000.0);
        }
    }

    /** Control terminals that got a RAISED alert from {@code fromMs} to {@code toMs} (event time), with the type of their first. */
    Map<String, String> falseAlerts(long fromMs, long toMs) {
        Map<String, String> alerted = new TreeMap<>();
        edges(controlAlerts, fromMs, toMs).forEach(edge -> alerted.putIfAbsent(edge.key(), edge.type()));
        return alerted;
    }

    /** The fleet's own alert edges (DIAGNOSIS_BACKLOG) from {@code fromMs} to {@code toMs} (event time), in the order they came. */
    List<Edge> fleetAlerts(long fromMs, long toMs) {
        return edges(fleetAlerts, fromMs, toMs);
    }

    private static List<Edge> edges(Queue<Edge> edges, long fromMs, long toMs) {
        return edges.stream().filter(edge -> edge.atMs() >= fromMs && edge.atMs() < toMs).toList();
    }

    private Map<String, Long> raisedByType() {
        Map<String, Long> raised = new TreeMap<>();
        raisedByType.forEach((type, count) -> raised.put(type, count.sum()));
        return raised;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(10_000);
    }
}
