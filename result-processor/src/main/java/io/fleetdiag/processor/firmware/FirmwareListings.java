package io.fleetdiag.processor.firmware;

import io.fleetdiag.processor.ProcessorWithTables;
import io.fleetdiag.schemas.TerminalInventory;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The first half of the firmware counts, keyed by POIID: remembers each terminal's group and version, so that a listing
 * which changes them tells the old group that the terminal left it and the new one that it joined. Only changes go on.
 */
public final class FirmwareListings implements Processor<String, TerminalInventory, String, FirmwareMember> {

    // part of the changelog topic's name: keep it (see TerminalProcessor)
    public static final String TABLE = "firmware-listings-store";

    private ProcessorContext<String, FirmwareMember> context;
    private KeyValueStore<String, FirmwareMember> listings;

    public static ProcessorSupplier<String, TerminalInventory, String, FirmwareMember> supplier() {
        return new ProcessorWithTables<>(FirmwareListings::new,
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TABLE), Serdes.String(), FirmwareMember.SERDE));
    }

    @Override
    public void init(ProcessorContext<String, FirmwareMember> context) {
        this.context = context;
        this.listings = context.getStateStore(TABLE);
    }

    @Override
    public void process(Record<String, TerminalInventory> record) {
        String poiid = record.key();
        FirmwareMember before = listings.get(poiid);
        FirmwareMember now = FirmwareMember.of(record.value());
        if (now != null && now.sameAs(before)) {
            return;
        }
        Instant at = now != null ? now.at() : Instant.ofEpochMilli(record.timestamp());
        if (before != null && (now == null || !now.group().equals(before.group()))) {
            context.forward(new Record<>(before.group(), before.leaving(at), at.toEpochMilli()));
        }
        if (now == null) {
            listings.delete(poiid);
        } else {
            listings.put(poiid, now);
            context.forward(new Record<>(now.group(), now, at.toEpochMilli()));
        }
    }
}
