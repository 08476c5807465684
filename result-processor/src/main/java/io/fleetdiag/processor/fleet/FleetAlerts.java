package io.fleetdiag.processor.fleet;

import io.fleetdiag.processor.ProcessorWithTables;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.TerminalAlert;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The active fleet-level alerts, by alertId, read from the terminal-alerts topic: the alerts another
 * service raises about fleetdiag itself (DIAGNOSIS_BACKLOG, by the poller, key {@link #KEY}). They are
 * about no terminal, so they live here and never in a terminal's state: the API lists and counts them
 * from this table.
 */
public final class FleetAlerts implements Processor<String, TerminalAlert, Void, Void> {

    public static final String TABLE = "fleet-alerts-table";
    /** The record key of a fleet-level alert on terminal-alerts. */
    public static final String KEY = "fleet";
    public static final Set<AlertType> TYPES = Set.of(AlertType.DIAGNOSIS_BACKLOG);

    private KeyValueStore<String, TerminalAlert> active;

    /** This processor with the table it owns, for the topology. */
    public static ProcessorSupplier<String, TerminalAlert, Void, Void> supplier(Serde<TerminalAlert> alertSerde) {
        return new ProcessorWithTables<>(FleetAlerts::new,
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TABLE), Serdes.String(), alertSerde));
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        active = context.getStateStore(TABLE);
    }

    @Override
    public void process(Record<String, TerminalAlert> record) {
        TerminalAlert alert = record.value();
        if (!TYPES.contains(alert.getType())) {
            return;
        }
        switch (alert.getStatus()) {
            case RAISED, UPDATED -> active.put(alert.getAlertId(), alert);
            case RESOLVED -> active.delete(alert.getAlertId());
            default -> {
                // a status a newer writer added: the episode's last known edge stands
            }
        }
    }
}
