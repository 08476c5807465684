package io.fleetdiag.processor.operations;

import io.fleetdiag.processor.ProcessorWithTables;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.TerminalAlert;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Remembers resolved alert episodes by alertId for {@link #KEPT}, read from the terminal-alerts topic,
 * so that acknowledging one gets "already resolved" (409) rather than "unknown" (404). A window table
 * drops old entries by itself; an episode resolved longer ago than that counts as unknown.
 */
public final class ResolvedAlerts implements Processor<String, TerminalAlert, Void, Void> {

    public static final String TABLE = "resolved-alerts-table";
    public static final Duration KEPT = Duration.ofDays(30);
    public static final long KEPT_DAYS = KEPT.toDays();

    private WindowStore<String, TerminalAlert> resolved;

    /** This processor with the table it owns, for the topology. */
    public static ProcessorSupplier<String, TerminalAlert, Void, Void> supplier(Serde<TerminalAlert> alertSerde) {
        return new ProcessorWithTables<>(ResolvedAlerts::new,
                Stores.windowStoreBuilder(Stores.persistentWindowStore(TABLE, KEPT, Duration.ofMillis(1), false), Serdes.String(), alertSerde));
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        resolved = context.getStateStore(TABLE);
    }

    @Override
    public void process(Record<String, TerminalAlert> record) {
        TerminalAlert alert = record.value();
        if (alert != null && alert.getStatus() == AlertStatus.RESOLVED && alert.getResolvedAt() != null) {
            resolved.put(alert.getAlertId(), alert, alert.getResolvedAt().toEpochMilli());
        }
    }
}
