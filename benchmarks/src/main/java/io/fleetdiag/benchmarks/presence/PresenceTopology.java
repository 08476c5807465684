package io.fleetdiag.benchmarks.presence;

import io.fleetdiag.processor.ProcessorSettings;
import io.fleetdiag.processor.presence.PresenceChange;
import io.fleetdiag.processor.presence.PresenceOutput;
import io.fleetdiag.processor.presence.PresenceProcessor;
import io.fleetdiag.schemas.ConnectivitySnapshot;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.topics.Topic;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The processor's snapshot path on its own: snapshots in, the presence stage with its tables, the
 * presence changes out (as the processor writes them to its repartition topic). Its baseline is
 * {@link io.fleetdiag.benchmarks.processor.PassThroughTopology}.
 */
final class PresenceTopology {

    private PresenceTopology() {
    }

    /** The presence stage with the processor's settings from {@code config}. */
    static Topology presence(Topic<String, ConnectivitySnapshot> snapshots, String changes, Serde<TerminalAlert> alertSerde,
                             ServiceConfig config) {
        ProcessorSettings settings = ProcessorSettings.from(config);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(snapshots.name(), Consumed.with(snapshots.keySerde(), snapshots.valueSerde()))
                .process(PresenceProcessor.supplier(settings.presence(), settings.sourceLoss(), alertSerde), Named.as("presence"))
                .filter((scope, out) -> out instanceof PresenceOutput.Change)
                .mapValues(out -> ((PresenceOutput.Change) out).change())
                .to(changes, Produced.with(Serdes.String(), PresenceChange.SERDE));
        return builder.build();
    }
}
