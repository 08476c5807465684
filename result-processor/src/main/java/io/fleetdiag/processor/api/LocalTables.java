package io.fleetdiag.processor.api;

import io.fleetdiag.processor.operations.AlertOperations;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** This instance's state tables, as the queries read them. */
final class LocalTables {

    private final Supplier<KafkaStreams> streams;

    LocalTables(Supplier<KafkaStreams> streams) {
        this.streams = streams;
    }

    <V> ReadOnlyKeyValueStore<String, V> table(String name) {
        return streams.get().store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    }

    /** Acknowledgements and silences for one query: the silences are read once for all its alerts. */
    AlertOperations operations() {
        return AlertOperations.queried(table(AlertOperations.TABLE)).readingSilencesOnce();
    }
}
