package io.fleetdiag.topics;

import io.fleetdiag.schemas.AlertOperation;
import io.fleetdiag.schemas.ConnectivitySnapshot;
import io.fleetdiag.schemas.DeadLetter;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.schemas.StoreHealth;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.schemas.TerminalState;
import io.fleetdiag.serde.AvroSerde;
import io.fleetdiag.serde.SchemaRegistryClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every fleetdiag topic with its key and value serdes (DESIGN.md, "Topics"). Keys are strings (a
 * POIID, a scope or a store); values are Avro records in the Confluent wire format.
 */
public final class TopicCatalog {

    private static final Map<String, String> EVENTS = Map.of("cleanup.policy", "delete");
    private static final Map<String, String> TABLE = Map.of("cleanup.policy", "compact");
    private static final Map<String, String> DEAD_LETTERS = Map.of(
            "cleanup.policy", "delete", "retention.ms", Long.toString(Duration.ofDays(30).toMillis()));

    private final Topic<String, ConnectivitySnapshot> snapshots;
    private final Topic<String, DiagnosisCheckRequest> checkRequests;
    private final Topic<String, DiagnosisCheckRequest> checkRetries;
    private final Topic<String, DiagnosisResult> results;
    private final Topic<String, TerminalState> terminalState;
    private final Topic<String, StoreHealth> storeHealth;
    private final Topic<String, TerminalAlert> alerts;
    private final Topic<String, DeadLetter> deadLetters;
    private final Topic<String, AlertOperation> alertOperations;

    public TopicCatalog(TopicNames names, ValueSerdes values) {
        Serde<String> keys = Serdes.String();
        snapshots = topic(names.snapshots(), keys, values, ConnectivitySnapshot.class, EVENTS);
        checkRequests = topic(names.checkRequests(), keys, values, DiagnosisCheckRequest.class, EVENTS);
        checkRetries = topic(names.checkRetries(), keys, values, DiagnosisCheckRequest.class, EVENTS);
        results = topic(names.results(), keys, values, DiagnosisResult.class, EVENTS);
        terminalState = topic(names.terminalState(), keys, values, TerminalState.class, TABLE);
        storeHealth = topic(names.storeHealth(), keys, values, StoreHealth.class, TABLE);
        alerts = topic(names.alerts(), keys, values, TerminalAlert.class, EVENTS);
        deadLetters = topic(names.deadLetters(), keys, values, DeadLetter.class, DEAD_LETTERS);
        alertOperations = topic(names.alertOperations(), keys, values, AlertOperation.class, TABLE);
    }

    private static <V extends SpecificRecord> Topic<String, V> topic(
            String name, Serde<String> keys, ValueSerdes values, Class<V> type, Map<String, String> config) {
        return new Topic<>(name, type, keys, values.serde(type), config);
    }

    /** The catalogue with fleetdiag's own serde against the given registry, registering schemas on first use. */
    public static TopicCatalog create(TopicNames names, SchemaRegistryClient registry) {
        return new TopicCatalog(names, new ValueSerdes() {
            @Override
            public <T extends SpecificRecord> Serde<T> serde(Class<T> type) {
                return AvroSerde.forValues(registry, type, true);
            }
        });
    }

    /** Makes the value serde of each record type; an extension point for Confluent's own serde. */
    public interface ValueSerdes {
        <T extends SpecificRecord> Serde<T> serde(Class<T> type);
    }

    public Topic<String, ConnectivitySnapshot> snapshots() {
        return snapshots;
    }

    public Topic<String, DiagnosisCheckRequest> checkRequests() {
        return checkRequests;
    }

    public Topic<String, DiagnosisCheckRequest> checkRetries() {
        return checkRetries;
    }

    public Topic<String, DiagnosisResult> results() {
        return results;
    }

    public Topic<String, TerminalState> terminalState() {
        return terminalState;
    }

    public Topic<String, StoreHealth> storeHealth() {
        return storeHealth;
    }

    public Topic<String, TerminalAlert> alerts() {
        return alerts;
    }

    public Topic<String, DeadLetter> deadLetters() {
        return deadLetters;
    }

    /** Acknowledgements (keyed by alertId) and silences (keyed by silenceId), compacted: the latest of each is its current form. */
    public Topic<String, AlertOperation> alertOperations() {
        return alertOperations;
    }

    public List<Topic<String, ?>> all() {
        return List.of(snapshots, checkRequests, checkRetries, results, terminalState, storeHealth, alerts, deadLetters, alertOperations);
    }
}
