package io.fleetdiag.processor.stores;

import io.fleetdiag.processor.ProcessorWithTables;
import io.fleetdiag.processor.alerts.AlertCondition;
import io.fleetdiag.processor.alerts.AlertEpisodes;
import io.fleetdiag.processor.alerts.Evidence;
import io.fleetdiag.processor.operations.AlertOperations;
import io.fleetdiag.schemas.ActiveAlert;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.StoreHealth;
import io.fleetdiag.schemas.TerminalAlert;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Per-store health, kept up to date from each terminal's contribution: terminals known, online and
 * healthy, and active alerts by type. A store whose share of healthy online terminals falls below the
 * threshold is STORE_DEGRADED until the share is back at the (higher) recovery threshold.
 */
public final class StoreProcessor implements Processor<String, StoreContribution, String, StoreOutput> {

    // The names of the state tables: they keep their "-store" suffix (Kafka Streams' word) because they
    // are part of the changelog topic names (<application.id>-<name>-changelog); renaming them would
    // leave the state of existing deployments behind.
    public static final String MEMBERS_TABLE = "store-members-store";
    public static final String HEALTH_TABLE = "store-health-store";
    public static final String ALERTS_TABLE = "store-alerts-store";

    private final StoreLimits limits;
    private ProcessorContext<String, StoreOutput> context;
    private KeyValueStore<String, StoreContribution> members;
    private KeyValueStore<String, StoreHealth> health;
    private KeyValueStore<String, TerminalAlert> alerts;
    private AlertOperations operations;

    /** This processor with the state tables it owns, for the topology. */
    public static ProcessorSupplier<String, StoreContribution, String, StoreOutput> supplier(StoreLimits limits,
            Serde<StoreHealth> healthSerde, Serde<TerminalAlert> alertSerde) {
        return new ProcessorWithTables<>(() -> new StoreProcessor(limits),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(MEMBERS_TABLE), Serdes.String(), StoreContribution.SERDE),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HEALTH_TABLE), Serdes.String(), healthSerde),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ALERTS_TABLE), Serdes.String(), alertSerde));
    }

    public StoreProcessor(StoreLimits limits) {
        this.limits = limits;
    }

    @Override
    public void init(ProcessorContext<String, StoreOutput> context) {
        this.context = context;
        this.members = context.getStateStore(MEMBERS_TABLE);
        this.health = context.getStateStore(HEALTH_TABLE);
        this.alerts = context.getStateStore(ALERTS_TABLE);
        this.operations = AlertOperations.inProcessor(context.getStateStore(AlertOperations.TABLE));
    }

    @Override
    public void process(Record<String, StoreContribution> record) {
        StoreContribution contribution = record.value();
        if (contribution == null) {
            return;
        }
        String memberKey = contribution.storeKey() + '\u0000' + contribution.poiid();
        StoreContribution previous = members.get(memberKey);
        StoreHealth current = health.get(contribution.storeKey());
        Counts counts = current == null ? new Counts() : Counts.of(current);
        if (previous != null) {
            counts.remove(previous);
        }
        if (contribution.present()) {
            counts.add(contribution);
            members.put(memberKey, contribution);
        } else {
            members.delete(memberKey);
        }
        TerminalAlert raised = alerts.get(contribution.storeKey());
        Instant at = storeTime(contribution.at(), raised);
        boolean degraded = degraded(counts, raised != null);
        AlertEpisodes.Subject subject = new AlertEpisodes.Subject(null, contribution.merchantAccount(), contribution.store());
        List<ActiveAlert> before = raised == null ? List.of() : List.of(ActiveAlert.newBuilder().setAlertId(raised.getAlertId())
                .setType(raised.getType()).setSeverity(raised.getSeverity()).setSummary(raised.getSummary())
                .setRaisedAt(raised.getRaisedAt()).build());
        Map<AlertType, AlertCondition> holding = new HashMap<>();
        if (degraded) {
            holding.put(AlertType.STORE_DEGRADED, new AlertCondition(AlertType.STORE_DEGRADED, Severity.CRITICAL,
                    "Store " + contribution.storeKey() + ": only " + counts.healthy + " of " + counts.known
                            + " terminals online and healthy", evidence(counts),
                    "Too few terminals in this store can take payments: fix its terminal alerts first (offline, battery, printer,"
                            + " tamper...), and check the store's network if many terminals went offline together."));
        }
        AlertEpisodes.Outcome outcome = AlertEpisodes.reconcile(subject, before, holding, at, null, type -> evidence(counts));
        for (TerminalAlert edge : outcome.edges()) {
            operations.flag(edge, edge.getEventTime());
            if (edge.getStatus() == AlertStatus.RESOLVED) {
                alerts.delete(contribution.storeKey());
            } else {
                alerts.put(contribution.storeKey(), edge);
            }
            context.forward(new Record<>(contribution.storeKey(), new StoreOutput.Alert(edge), record.timestamp()));
        }
        StoreHealth updated = StoreHealth.newBuilder()
                .setMerchantAccount(contribution.merchantAccount())
                .setStore(contribution.store())
                .setTerminalsKnown(counts.known)
                .setTerminalsOnline(counts.online)
                .setTerminalsHealthy(counts.healthy)
                .setActiveAlertsByType(counts.alertsByType)
                .setDegraded(!outcome.active().isEmpty())
                .setUpdatedAt(at)
                .build();
        health.put(contribution.storeKey(), updated);
        context.forward(new Record<>(contribution.storeKey(), new StoreOutput.Health(updated), record.timestamp()));
    }

    /**
     * An open episode is never resolved before it was raised. Its terminals' contributions come with their own
     * times (a result's completion, a snapshot's), which interleave: a late result of one terminal can carry a time
     * before the contribution of another that raised STORE_DEGRADED. Only that case is moved: a store clock that
     * never went back made a re-raise at the same moment reuse the episode's id (ResultProcessorIT saw its RAISED twice).
     */
    private static Instant storeTime(Instant contributed, TerminalAlert raised) {
        return raised != null && raised.getRaisedAt().isAfter(contributed) ? raised.getRaisedAt() : contributed;
    }

    private boolean degraded(Counts counts, boolean alreadyDegraded) {
        if (counts.known < limits.minTerminals()) {
            return false;
        }
        double share = counts.healthy / (double) counts.known;
        return alreadyDegraded ? share < limits.healthyShare().resolve() : share < limits.healthyShare().raise();
    }

    private static Map<String, String> evidence(Counts counts) {
        return Evidence.of("terminalsKnown", counts.known, "terminalsOnline", counts.online, "terminalsHealthy", counts.healthy);
    }

    /** The store's counts while they change. */
    private static final class Counts {
        int known;
        int online;
        int healthy;
        final Map<String, Integer> alertsByType = new HashMap<>();

        static Counts of(StoreHealth health) {
            Counts counts = new Counts();
            counts.known = health.getTerminalsKnown();
            counts.online = health.getTerminalsOnline();
            counts.healthy = health.getTerminalsHealthy();
            counts.alertsByType.putAll(health.getActiveAlertsByType());
            return counts;
        }

        void add(StoreContribution contribution) {
            change(contribution, 1);
        }

        void remove(StoreContribution contribution) {
            change(contribution, -1);
        }

        private void change(StoreContribution contribution, int sign) {
            known += sign;
            online += contribution.online() ? sign : 0;
            healthy += contribution.healthy() ? sign : 0;
            for (String type : contribution.alertTypes()) {
                alertsByType.merge(type, sign, Integer::sum);
            }
            alertsByType.values().removeIf(count -> count == 0);
        }
    }
}
