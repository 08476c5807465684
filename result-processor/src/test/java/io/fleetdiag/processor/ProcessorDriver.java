package io.fleetdiag.processor;

import io.fleetdiag.processor.firmware.FirmwareCounts;
import io.fleetdiag.processor.firmware.FirmwareMember;
import io.fleetdiag.processor.firmware.FirmwareProcessor;
import io.fleetdiag.processor.fleet.FleetAlerts;
import io.fleetdiag.processor.history.AlertEpisode;
import io.fleetdiag.processor.history.AlertHistoryProcessor;
import io.fleetdiag.processor.operations.ResolvedAlerts;
import io.fleetdiag.processor.reboot.RebootTable;
import io.fleetdiag.processor.reboot.TerminalReboots;
import io.fleetdiag.processor.terminal.FleetCounts;
import io.fleetdiag.processor.terminal.TerminalProcessor;
import io.fleetdiag.processor.terminal.TerminalStateCodec;
import io.fleetdiag.schemas.AlertOperation;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
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
import io.fleetdiag.serde.SerdeConfig;
import io.fleetdiag.serde.WireFormat;
import io.fleetdiag.service.KafkaSettings;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.service.SettingsDefinition;
import io.fleetdiag.topics.TopicCatalog;
import io.fleetdiag.topics.TopicNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The real topology on TopologyTestDriver, with the topics a test feeds and reads. Every output reads
 * the same way: everything the topology published to that topic since the driver started, in order;
 * a test that cares about what is new compares with an earlier size.
 */
final class ProcessorDriver implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    /** {@code minute} minutes after T0, the tests' time line. */
    static Instant at(int minute) {
        return T0.plus(Duration.ofMinutes(minute));
    }

    private final TopologyTestDriver driver;
    private final TerminalStateCodec codec;
    private final TestInputTopic<String, ConnectivitySnapshot> snapshots;
    private final TestInputTopic<String, DiagnosisResult> results;
    private final TestInputTopic<String, AlertOperation> operations;
    private final TestInputTopic<String, TerminalInventory> inventory;
    private final TestInputTopic<String, TerminalEvent> events;
    private final TestInputTopic<String, TerminalAlert> otherServicesAlerts;
    private final TestInputTopic<String, TerminalAction> actions;
    private final Output<TerminalAlert> alerts;
    private final Output<TerminalState> states;
    private final Output<DiagnosisCheckRequest> checks;
    private final Output<StoreHealth> storeHealth;
    private final Output<DeadLetter> deadLetters;
    private final RegistryStub registry;

    /** One output topic and everything read from it so far. */
    private record Output<V>(TestOutputTopic<String, V> topic, List<V> published) {

        Output(TestOutputTopic<String, V> topic) {
            this(topic, new ArrayList<>());
        }

        List<V> all() {
            published.addAll(topic.readValuesToList());
            return Collections.unmodifiableList(new ArrayList<>(published)); // tombstones are null: no List.copyOf
        }
    }

    ProcessorDriver(ProcessorSettings settings) {
        TopicCatalog catalog = new TopicCatalog(TopicNames.defaults(), new PlainAvroSerdes());
        codec = new TerminalStateCodec(catalog.terminalState());
        registry = new RegistryStub();
        driver = new TopologyTestDriver(ResultProcessorTopology.buildTopology(new ResultProcessorTopology.Config(settings, catalog, 1)),
                streamsProperties(catalog, registry), T0);
        StringSerializer keys = new StringSerializer();
        StringDeserializer keysOut = new StringDeserializer();
        snapshots = driver.createInputTopic(catalog.snapshots().name(), keys, catalog.snapshots().valueSerde().serializer());
        results = driver.createInputTopic(catalog.results().name(), keys, catalog.results().valueSerde().serializer());
        operations = driver.createInputTopic(catalog.alertOperations().name(), keys, catalog.alertOperations().valueSerde().serializer());
        inventory = driver.createInputTopic(catalog.inventory().name(), keys, catalog.inventory().valueSerde().serializer());
        events = driver.createInputTopic(catalog.terminalEvents().name(), keys, catalog.terminalEvents().valueSerde().serializer());
        actions = driver.createInputTopic(catalog.terminalActions().name(), keys, catalog.terminalActions().valueSerde().serializer());
        otherServicesAlerts = driver.createInputTopic(catalog.alerts().name(), keys, catalog.alerts().valueSerde().serializer());
        alerts = new Output<>(driver.createOutputTopic(catalog.alerts().name(), keysOut, catalog.alerts().valueSerde().deserializer()));
        states = new Output<>(driver.createOutputTopic(catalog.terminalState().name(), keysOut, catalog.terminalState().valueSerde().deserializer()));
        checks = new Output<>(driver.createOutputTopic(catalog.checkRequests().name(), keysOut, catalog.checkRequests().valueSerde().deserializer()));
        storeHealth = new Output<>(driver.createOutputTopic(catalog.storeHealth().name(), keysOut, catalog.storeHealth().valueSerde().deserializer()));
        // the letters are in the registry's wire format: the Avro after its header
        Deserializer<DeadLetter> letters = catalog.deadLetters().valueSerde().deserializer();
        deadLetters = new Output<>(driver.createOutputTopic(catalog.deadLetters().name(), keysOut,
                (topic, bytes) -> letters.deserialize(topic, Arrays.copyOfRange(bytes, WireFormat.HEADER_LENGTH, bytes.length))));
    }

    /** The service's own Streams configuration, its dead-letter handlers included, on a temporary state directory. */
    private static Properties streamsProperties(TopicCatalog catalog, RegistryStub registry) {
        try {
            ServiceConfig config = ServiceConfig.of(SettingsDefinition.defaults(ProcessorService.definitions()))
                    .with(ProcessorSettings.STATE_DIR.name(), Files.createTempDirectory("processor-test").toString())
                    .with(SerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
            Properties properties = ProcessorService.streamsProperties(config, new KafkaSettings(config, "processor-test"), catalog);
            // TopologyTestDriver (kafka-streams-test-utils 4.4) does not hand on what an exception handler writes inside a
            // transaction: under exactly_once_v2 the dead letter never reaches the driver's output, under at_least_once it
            // does. What the topology itself writes is the same under both.
            properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The default settings with some changed, as an operator's file would change them. */
    static ProcessorSettings settings(Map<String, String> changed) {
        return ProcessorSettings.from(ServiceConfig.of(ProcessorSettings.defaults()).withAll(changed));
    }

    ProcessorDriver() {
        this(ProcessorSettings.defaultSettings());
    }

    void snapshot(List<ConnectivitySnapshot> chunks) {
        chunks.forEach(chunk -> snapshots.pipeInput(chunk.getScope(), chunk, chunk.getPolledAt()));
    }

    void result(DiagnosisResult result) {
        results.pipeInput(result.getPoiid(), result, result.getCompletedAt());
    }

    /** An acknowledgement or silence as the REST API writes it. */
    void operation(AlertOperation operation) {
        operations.pipeInput(operation.getId(), operation, operation.getCreatedAt());
    }

    void inventory(TerminalInventory listing) {
        inventory.pipeInput(listing.getPoiid(), listing, listing.getListedAt());
    }

    /** The inventory source's tombstone: the terminal left the inventory. */
    void leftInventory(String poiid, Instant at) {
        inventory.pipeInput(poiid, null, at);
    }

    /** An event notification as the poller writes it, at its TimeStamp. */
    void event(TerminalEvent event) {
        events.pipeInput(event.getPoiid(), event, event.getOccurredAt());
    }

    /** A terminal-actions record as the reboot routes write it, under {@code key} (a POIID or a store), at its time. */
    void action(String key, TerminalAction action) {
        actions.pipeInput(key, action, action.getAt());
    }

    /** A terminal's reboots as the reboot table keeps them; empty when it has no row. */
    List<TerminalReboots.Known> reboots(String poiid) {
        TerminalReboots row = driver.<String, TerminalReboots>getKeyValueStore(RebootTable.TABLE).get(poiid);
        return row == null ? List.of() : row.newestFirst();
    }

    void advanceWallClock(Duration duration) {
        driver.advanceWallClockTime(duration);
    }

    /** Every alert edge published so far. */
    List<TerminalAlert> alerts() {
        return alerts.all();
    }

    List<TerminalAlert> alerts(AlertType type, AlertStatus status) {
        return alerts().stream().filter(alert -> alert.getType() == type && alert.getStatus() == status).toList();
    }

    /** Every check request published so far. */
    List<DiagnosisCheckRequest> checks() {
        return checks.all();
    }

    /** Every terminal state published so far. */
    List<TerminalState> states() {
        return states.all();
    }

    /** Every dead letter written so far. */
    List<DeadLetter> deadLetters() {
        return deadLetters.all();
    }

    /** Raw bytes on an input topic, as a producer that does not speak its format would write them. */
    void pipeRaw(String topic, String key, byte[] value) {
        driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer()).pipeInput(key, value, T0);
    }

    /** Every store health record published so far. */
    List<StoreHealth> storeHealth() {
        return storeHealth.all();
    }

    TerminalState state(String poiid) {
        KeyValueStore<String, byte[]> table = driver.getKeyValueStore(TerminalProcessor.STATE_TABLE);
        return codec.decode(table.get(poiid));
    }

    /** The firmware counts of a model in a merchant account, as the firmware stage keeps them; null when it has none. */
    FirmwareCounts firmwareCounts(String merchantAccount, String model) {
        return driver.<String, FirmwareCounts>getKeyValueStore(FirmwareProcessor.COUNTS_TABLE).get(FirmwareMember.group(merchantAccount, model));
    }

    /** The active alert as the processor keeps it for queries. */
    TerminalAlert activeAlert(String alertId) {
        return driver.<String, TerminalAlert>getKeyValueStore(TerminalProcessor.ACTIVE_ALERTS_TABLE).get(alertId);
    }

    /** The resolved episode as remembered for acknowledgements, or null. */
    TerminalAlert resolvedAlert(String alertId) {
        try (WindowStoreIterator<TerminalAlert> found = driver.<String, TerminalAlert>getWindowStore(ResolvedAlerts.TABLE)
                .fetch(alertId, Instant.EPOCH, T0.plus(Duration.ofDays(365)))) {
            return found.hasNext() ? found.next().value : null;
        }
    }

    /** The alert history kept for a POIID (or a store's or scope's key), newest first. */
    List<AlertEpisode> history(String key) {
        List<AlertEpisode> episodes = new ArrayList<>();
        try (KeyValueIterator<String, AlertEpisode> found = AlertHistoryProcessor.newestFirst(
                driver.getKeyValueStore(AlertHistoryProcessor.TABLE), key)) {
            found.forEachRemaining(entry -> episodes.add(entry.value));
        }
        return episodes;
    }

    /** An alert edge another service wrote to terminal-alerts, as the poller writes DIAGNOSIS_BACKLOG. */
    void alertFromAnotherService(String key, TerminalAlert edge) {
        otherServicesAlerts.pipeInput(key, edge, edge.getEventTime());
    }

    /** The active fleet-level alerts as the processor keeps them for queries, by alertId. */
    Map<String, TerminalAlert> fleetAlerts() {
        Map<String, TerminalAlert> active = new TreeMap<>();
        try (KeyValueIterator<String, TerminalAlert> all = driver.<String, TerminalAlert>getKeyValueStore(FleetAlerts.TABLE).all()) {
            all.forEachRemaining(entry -> active.put(entry.key, entry.value));
        }
        return active;
    }

    /** The fleet counts of every task, summed as the fleet view does. */
    FleetCounts fleetCounts() {
        KeyValueStore<String, FleetCounts> table = driver.getKeyValueStore(TerminalProcessor.FLEET_COUNTS_TABLE);
        FleetCounts sum = FleetCounts.EMPTY;
        try (KeyValueIterator<String, FleetCounts> all = table.all()) {
            while (all.hasNext()) {
                sum = sum.sum(all.next().value);
            }
        }
        return sum;
    }

    @Override
    public void close() {
        driver.close();
        registry.close();
    }
}
