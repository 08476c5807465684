package io.fleetdiag.processor;

import io.fleetdiag.processor.firmware.FirmwareListings;
import io.fleetdiag.processor.firmware.FirmwareMember;
import io.fleetdiag.processor.firmware.FirmwareProcessor;
import io.fleetdiag.processor.firmware.FirmwareVerdict;
import io.fleetdiag.processor.fleet.FleetAlerts;
import io.fleetdiag.processor.history.AlertHistoryProcessor;
import io.fleetdiag.processor.operations.AlertOperations;
import io.fleetdiag.processor.operations.ResolvedAlerts;
import io.fleetdiag.processor.presence.PresenceChange;
import io.fleetdiag.processor.presence.PresenceOutput;
import io.fleetdiag.processor.presence.PresenceProcessor;
import io.fleetdiag.processor.reboot.RebootTable;
import io.fleetdiag.processor.stores.StoreContribution;
import io.fleetdiag.processor.stores.StoreOutput;
import io.fleetdiag.processor.stores.StoreProcessor;
import io.fleetdiag.processor.terminal.TerminalInput;
import io.fleetdiag.processor.terminal.TerminalOutput;
import io.fleetdiag.processor.terminal.TerminalProcessor;
import io.fleetdiag.processor.terminal.TerminalSerdes;
import io.fleetdiag.processor.terminal.TerminalStateCodec;
import io.fleetdiag.schemas.AlertOperation;
import io.fleetdiag.schemas.TerminalAction;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.schemas.TerminalEvent;
import io.fleetdiag.schemas.TerminalInventory;
import io.fleetdiag.topics.Topic;
import io.fleetdiag.topics.TopicCatalog;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The result processor's topology, in six stages:
 * <ol>
 * <li>snapshots (keyed by scope) become per-terminal presence changes, re-keyed by POIID, and a scope
 * whose snapshot lost most of its terminals at once raises CONNECTIVITY_SOURCE_LOST;</li>
 * <li>diagnosis results, presence changes, inventory listings and event notifications of a terminal (all keyed by POIID, on
 * as many partitions as diagnosis-results) update its state, open and close its alert episodes, ask for
 * follow-up checks, and tell its store how it counts;</li>
 * <li>the inventory's firmware versions are counted per model and merchant account (keyed by that group), and each terminal
 * gets the verdict of its group back (keyed by POIID) as one more input of the terminal table;</li>
 * <li>store contributions (keyed by store) update store health and STORE_DEGRADED;</li>
 * <li>alert edges are folded into episodes: resolved ones remembered by alertId, to answer
 * acknowledgements of them, the recent ones of each terminal kept as its alert history, and the active
 * fleet-level ones (DIAGNOSIS_BACKLOG, raised by the poller) kept apart from every terminal;</li>
 * <li>terminal actions (reboots) are kept per terminal, with their last status, for the reboot routes.</li>
 * </ol>
 * Acknowledgements and silences (alert-operations) are a global table that every instance holds whole:
 * any terminal's alert may match any silence (docs/alert-operations.md).
 */
public final class ResultProcessorTopology {

    /**
     * @param terminalPartitions partitions of the diagnosis-results topic: presence changes and inventory listings are
     *                           repartitioned to the same count so a terminal's results, presence and listing meet in one task
     */
    public record Config(ProcessorSettings settings, TopicCatalog catalog, int terminalPartitions) {
    }

    private ResultProcessorTopology() {
    }

    public static Topology buildTopology(Config config) {
        ProcessorSettings settings = config.settings();
        TopicCatalog topics = config.catalog();
        StreamsBuilder builder = new StreamsBuilder();
        Topic<String, AlertOperation> operations = topics.alertOperations();
        builder.globalTable(operations.name(), Consumed.with(operations.keySerde(), operations.valueSerde()).withName("alert-operations-source"),
                Materialized.<String, AlertOperation, KeyValueStore<Bytes, byte[]>>as(AlertOperations.TABLE).withKeySerde(operations.keySerde())
                        .withValueSerde(operations.valueSerde()));

        KStream<String, PresenceOutput> presenceOutputs = source(builder, topics.snapshots())
                .process(PresenceProcessor.supplier(settings.presence(), settings.sourceLoss(), topics.alerts().valueSerde()), Named.as("presence"));
        sink(presenceOutputs
                .filter((scope, out) -> out instanceof PresenceOutput.ScopeAlert, Named.as("scope-alerts"))
                .mapValues(out -> ((PresenceOutput.ScopeAlert) out).alert(), Named.as("scope-alert-edges")), topics.alerts(), "scope-alerts-sink");
        KStream<String, PresenceChange> presence = presenceOutputs
                .filter((scope, out) -> out instanceof PresenceOutput.Change, Named.as("presence-changes"))
                .mapValues(out -> ((PresenceOutput.Change) out).change(), Named.as("presence-change-values"))
                .repartition(Repartitioned.with(Serdes.String(), PresenceChange.SERDE)
                        .withName("presence-by-poiid").withNumberOfPartitions(config.terminalPartitions()));

        KStream<String, TerminalInventory> inventory = inventory(builder, topics.inventory(), config.terminalPartitions());
        // results are most of the input: read straight as terminal inputs and merged last, they pass one node before the processor
        KStream<String, TerminalInput> results = builder.stream(topics.results().name(), Consumed.with(topics.results().keySerde(),
                TerminalSerdes.results(topics.results().valueSerde())).withName(topics.results().name() + "-source"));
        KStream<String, TerminalInput> inputs = presence.mapValues(change -> (TerminalInput) new TerminalInput.Presence(change), Named.as("presence-inputs"))
                .merge(inventory.mapValues(listing -> (TerminalInput) new TerminalInput.Inventory(listing), Named.as("inventory-inputs")),
                        Named.as("presence-and-inventory-inputs"))
                .merge(firmware(inventory, config.terminalPartitions()), Named.as("presence-inventory-and-firmware-inputs"))
                .merge(events(builder, topics.terminalEvents(), config.terminalPartitions()), Named.as("terminal-notice-inputs"))
                .merge(results, Named.as("terminal-inputs"));

        // the processor forwards each output to its node by name (TerminalOutput.node()): no branch on the way
        TerminalStateCodec codec = new TerminalStateCodec(topics.terminalState());
        KStream<String, TerminalOutput> outputs = inputs.process(TerminalProcessor.supplier(settings, codec, topics.alerts().valueSerde()),
                Named.as("terminals"));
        outputs.to(topics.terminalState().name(), Produced.with(Serdes.String(), TerminalSerdes.state()).withName(TerminalOutput.State.NODE));
        outputs.to(topics.alerts().name(), Produced.with(topics.alerts().keySerde(), TerminalSerdes.output(out -> ((TerminalOutput.Alert) out).alert(),
                topics.alerts().valueSerde().serializer())).withName(TerminalOutput.Alert.NODE));
        outputs.to(topics.checkRequests().name(), Produced.with(topics.checkRequests().keySerde(), TerminalSerdes.output(
                out -> ((TerminalOutput.Check) out).request(), topics.checkRequests().valueSerde().serializer())).withName(TerminalOutput.Check.NODE));
        stores(outputs.mapValues(out -> ((TerminalOutput.Contribution) out).contribution(), Named.as(TerminalOutput.Contribution.NODE)), settings, topics);

        KStream<String, TerminalAlert> alerts = source(builder, topics.alerts());
        alerts.process(ResolvedAlerts.supplier(topics.alerts().valueSerde()), Named.as("resolved-alerts"));
        alerts.process(AlertHistoryProcessor.supplier(settings.history()), Named.as("alert-history"));
        alerts.process(FleetAlerts.supplier(topics.alerts().valueSerde()), Named.as("fleet-alerts"));
        reboots(builder, topics.terminalActions());
        return builder.build();
    }

    private static void stores(KStream<String, StoreContribution> contributions, ProcessorSettings settings, TopicCatalog topics) {
        contributions
                .repartition(Repartitioned.with(Serdes.String(), StoreContribution.SERDE).withName("store-contributions"))
                .process(StoreProcessor.supplier(settings.stores(), topics.storeHealth().valueSerde(), topics.alerts().valueSerde()), Named.as("stores"))
                .split(Named.as("store-"))
                .branch((key, out) -> out instanceof StoreOutput.Health, Branched.withConsumer(health -> sink(
                        health.mapValues(out -> ((StoreOutput.Health) out).health(), Named.as("store-health-records")), topics.storeHealth(), "store-health-sink"),
                        "health"))
                .branch((key, out) -> out instanceof StoreOutput.Alert, Branched.withConsumer(alerts -> sink(
                        alerts.mapValues(out -> ((StoreOutput.Alert) out).alert(), Named.as("store-alert-edges")), topics.alerts(), "store-alerts-sink"),
                        "alert"));
    }

    /**
     * The inventory as terminal inputs, tombstones included (a terminal that left it). Repartitioned because
     * the inventory topic need not have as many partitions as diagnosis-results; it changes rarely (the
     * source publishes only what changed), so the extra hop costs little.
     */
    private static KStream<String, TerminalInventory> inventory(StreamsBuilder builder, Topic<String, TerminalInventory> topic, int partitions) {
        return builder.stream(topic.name(), Consumed.with(topic.keySerde(), topic.valueSerde()).withName(topic.name() + "-source"))
                .filter((key, value) -> key != null, Named.as(topic.name() + "-keyed"))
                .repartition(Repartitioned.with(topic.keySerde(), topic.valueSerde())
                        .withName("inventory-by-poiid").withNumberOfPartitions(partitions));
    }

    /**
     * The firmware counts of each model in each merchant account, kept from the inventory (keyed by POIID, then by the group),
     * and their verdicts on each terminal back by POIID: FIRMWARE_BEHIND is judged in the terminal table.
     */
    private static KStream<String, TerminalInput> firmware(KStream<String, TerminalInventory> inventory, int partitions) {
        return inventory
                .process(FirmwareListings.supplier(), Named.as("firmware-listings"))
                .repartition(Repartitioned.with(Serdes.String(), FirmwareMember.SERDE).withName("firmware-by-group"))
                .process(FirmwareProcessor.supplier(), Named.as("firmware-counts"))
                .repartition(Repartitioned.with(Serdes.String(), FirmwareVerdict.SERDE)
                        .withName("firmware-verdicts-by-poiid").withNumberOfPartitions(partitions))
                .mapValues(verdict -> (TerminalInput) new TerminalInput.Firmware(verdict), Named.as("firmware-inputs"));
    }

    /** The terminals' own event notifications, repartitioned like the inventory: terminal-events may have its own partition count. */
    private static KStream<String, TerminalInput> events(StreamsBuilder builder, Topic<String, TerminalEvent> topic, int partitions) {
        return source(builder, topic)
                .repartition(Repartitioned.with(topic.keySerde(), topic.valueSerde())
                        .withName("events-by-poiid").withNumberOfPartitions(partitions))
                .mapValues(event -> (TerminalInput) new TerminalInput.Event(event), Named.as("event-inputs"));
    }

    /**
     * The terminal actions as each terminal's reboots ({@link RebootTable}): split per terminal and repartitioned by POIID,
     * since a store's request is one record keyed by the store.
     */
    private static void reboots(StreamsBuilder builder, Topic<String, TerminalAction> topic) {
        source(builder, topic)
                .flatMap(RebootTable::perTerminal, Named.as("terminal-actions-per-terminal"))
                .repartition(Repartitioned.with(topic.keySerde(), topic.valueSerde()).withName("terminal-actions-by-poiid"))
                .process(RebootTable.supplier(), Named.as("terminal-reboots"));
    }

    private static <V> KStream<String, V> source(StreamsBuilder builder, Topic<String, V> topic) {
        return builder.stream(topic.name(), Consumed.with(topic.keySerde(), topic.valueSerde()).withName(topic.name() + "-source"))
                .filter((key, value) -> key != null && value != null, Named.as(topic.name() + "-present"));
    }

    private static <V> void sink(KStream<String, V> stream, Topic<String, V> topic, String name) {
        stream.to(topic.name(), Produced.with(topic.keySerde(), topic.valueSerde()).withName(name));
    }
}
