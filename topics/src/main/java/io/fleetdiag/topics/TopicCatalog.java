package io.fleetdiag.topics;

import io.fleetdiag.schemas.AlertOperation;
import io.fleetdiag.schemas.ConnectivitySnapshot;
import io.fleetdiag.schemas.DeadLetter;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.schemas.StoreHealth;
import io.fleetdiag.schemas.TerminalAction;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.schemas.TerminalEvent;
import io.fleetdiag.schemas.TerminalInventory;
import io.fleetdiag.schemas.TerminalState;
import io.fleetdiag.serde.AvroSerde;
import io.fleetdiag.serde.RegistryClientConfig;
import io.fleetdiag.serde.SchemaRegistryClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every fleetdiag topic with its key and value serdes (docs/design.md#topics). Keys are strings (a
 * POIID, a scope or a store). The shared topics carry Avro records in the Confluent wire format; the
 * poller's two single-partition topics carry plain longs and are private to it.
 */
public final class TopicCatalog {

    private static final Map<String, String> EVENTS = Map.of("cleanup.policy", "delete");
    private static final Map<String, String> TABLE = Map.of("cleanup.policy", "compact");
    private static final Map<String, String> DEAD_LETTERS = Map.of(
            "cleanup.policy", "delete", "retention.ms", Long.toString(Duration.ofDays(30).toMillis()));
    /** Who rebooted what is asked about long after: a quarter, beyond a broker's usual week; a few records a day. */
    private static final Map<String, String> AUDIT = Map.of(
            "cleanup.policy", "delete", "retention.ms", Long.toString(Duration.ofDays(90).toMillis()));

    private final Topic<String, ConnectivitySnapshot> snapshots;
    private final Topic<String, DiagnosisCheckRequest> checkRequests;
    private final Topic<String, DiagnosisCheckRequest> checkRetries;
    private final Topic<String, DiagnosisResult> results;
    private final Topic<String, TerminalState> terminalState;
    private final Topic<String, StoreHealth> storeHealth;
    private final Topic<String, TerminalAlert> alerts;
    private final Topic<String, DeadLetter> deadLetters;
    private final Topic<String, Long> pollerLease;
    private final Topic<String, Long> pollerState;
    private final Topic<String, TerminalInventory> inventory;
    private final Topic<String, AlertOperation> alertOperations;
    private final Topic<String, TerminalEvent> terminalEvents;
    private final Topic<String, TerminalAction> terminalActions;

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
        pollerLease = new Topic<>(names.pollerLease(), Long.class, keys, Serdes.Long(), EVENTS);
        pollerState = new Topic<>(names.pollerState(), Long.class, keys, Serdes.Long(), TABLE);
        inventory = topic(names.inventory(), keys, values, TerminalInventory.class, TABLE);
        alertOperations = topic(names.alertOperations(), keys, values, AlertOperation.class, TABLE);
        terminalEvents = topic(names.terminalEvents(), keys, values, TerminalEvent.class, EVENTS);
        terminalActions = topic(names.terminalActions(), keys, values, TerminalAction.class, AUDIT);
    }

    private static <V extends SpecificRecord> Topic<String, V> topic(
            String name, Serde<String> keys, ValueSerdes values, Class<V> type, Map<String, String> config) {
        return new Topic<>(name, type, keys, values.serde(type), config);
    }

    /** The catalogue with fleetdiag's own serde against the given registry, registering schemas on first use. */
    /** Every topic under {@code prefix} (a test's or an environment's own), its schemas in the registry at {@code registryUrl}. */
    public static TopicCatalog prefixed(String prefix, String registryUrl) {
        return create(TopicNames.from(Map.of("topics.prefix", prefix)), new SchemaRegistryClient(RegistryClientConfig.of(registryUrl)));
    }

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

    /** The terminals' own Terminal API event notifications, deduplicated, keyed by POIID (the poller's terminal-events endpoint). */
    public Topic<String, TerminalEvent> terminalEvents() {
        return terminalEvents;
    }

    /**
     * Terminal actions operators scheduled (ForceReboot) and their outcomes as following them saw them change: who, what, when;
     * keyed by POIID, or merchantAccount/store for a store's request, kept 90 days. The processor's reboot routes write it.
     */
    public Topic<String, TerminalAction> terminalActions() {
        return terminalActions;
    }

    /** The Management API's inventory, one record per terminal; a tombstone when a terminal leaves it. */
    public Topic<String, TerminalInventory> inventory() {
        return inventory;
    }

    /**
     * The poller's lease, one partition: every poller instance joins one group on it and the owner of
     * its partition polls. Its records are never read.
     */
    public Topic<String, Long> pollerLease() {
        return pollerLease;
    }

    /** The poller's schedule watermarks, one compacted partition: per scope, the epoch milliseconds of its last published poll. */
    public Topic<String, Long> pollerState() {
        return pollerState;
    }

    /** The shared topics of Avro records: created with the configured partitions, their value schemas registered. */
    public List<Topic<String, ?>> all() {
        return List.of(snapshots, checkRequests, checkRetries, results, terminalState, storeHealth, alerts, deadLetters, inventory,
                alertOperations, terminalEvents, terminalActions);
    }

    /** The poller's private topics, each of one partition and without a registered schema. */
    public List<Topic<String, Long>> poller() {
        return List.of(pollerLease, pollerState);
    }

    /** Every topic of the catalogue. */
    public List<Topic<String, ?>> everyTopic() {
        return Stream.concat(all().stream(), poller().stream()).toList();
    }
}
