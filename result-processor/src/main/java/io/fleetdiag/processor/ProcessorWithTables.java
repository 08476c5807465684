package io.fleetdiag.processor;

import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * A processor with the state tables it owns: Kafka Streams adds and connects them when the topology
 * adds the processor, so a table's name is written only where the processor declares and opens it.
 */
public record ProcessorWithTables<KIn, VIn, KOut, VOut>(Supplier<Processor<KIn, VIn, KOut, VOut>> processor, Set<StoreBuilder<?>> tables)
        implements ProcessorSupplier<KIn, VIn, KOut, VOut> {

    public ProcessorWithTables(Supplier<Processor<KIn, VIn, KOut, VOut>> processor, StoreBuilder<?>... tables) {
        this(processor, Set.of(tables));
    }

    @Override
    public Processor<KIn, VIn, KOut, VOut> get() {
        return processor.get();
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        return tables;
    }
}
