package io.fleetdiag.processor.api;

import io.fleetdiag.processor.fleet.FleetAlerts;
import io.fleetdiag.processor.stores.StoreProcessor;
import io.fleetdiag.processor.terminal.FleetCounts;
import io.fleetdiag.processor.terminal.TerminalProcessor;
import io.fleetdiag.schemas.StoreHealth;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.service.access.Caller;
import io.fleetdiag.service.access.Scope;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * This instance's part of {@code GET /api/fleet}. The whole fleet sums the counts each task keeps
 * (a handful of records). A restricted caller's part is counted from the health of the stores in their
 * scope: a merchant-account scope reads only its accounts' stores (the table is keyed
 * merchantAccount/store), a scope naming stores reads every store's health. Either is far fewer records
 * than the terminals, and nothing is kept per scope: scopes are as many as the callers.
 */
final class FleetQuery {

    private FleetQuery() {
    }

    static FleetTotals wholeFleet(LocalTables tables) {
        FleetCounts counts = FleetCounts.EMPTY;
        long stores = 0;
        long degraded = 0;
        try (KeyValueIterator<String, FleetCounts> tasks = tables.<FleetCounts>table(TerminalProcessor.FLEET_COUNTS_TABLE).all()) {
            while (tasks.hasNext()) {
                counts = counts.sum(tasks.next().value);
            }
        }
        // fleet-level alerts (no terminal) are only for callers who see the whole fleet
        Map<String, Long> fleetAlerts = new TreeMap<>();
        try (KeyValueIterator<String, TerminalAlert> all = tables.<TerminalAlert>table(FleetAlerts.TABLE).all()) {
            all.forEachRemaining(entry -> fleetAlerts.merge(entry.value.getType().name(), 1L, Long::sum));
        }
        counts = counts.sum(new FleetCounts(0, 0, 0, 0, 0, fleetAlerts, Map.of()));
        try (KeyValueIterator<String, StoreHealth> all = tables.<StoreHealth>table(StoreProcessor.HEALTH_TABLE).all()) {
            while (all.hasNext()) {
                stores++;
                degraded += all.next().value.getDegraded() ? 1 : 0;
            }
        }
        return new FleetTotals(counts, stores, degraded, false);
    }

    static FleetTotals inScope(LocalTables tables, Caller caller) {
        Scope scope = caller.scope();
        ReadOnlyKeyValueStore<String, StoreHealth> health = tables.table(StoreProcessor.HEALTH_TABLE);
        Tally tally = new Tally();
        if (scope.stores().isEmpty()) {
            for (String merchantAccount : scope.merchantAccounts()) {
                try (KeyValueIterator<String, StoreHealth> stores = health.prefixScan(merchantAccount + "/", new StringSerializer())) {
                    stores.forEachRemaining(entry -> tally.add(caller, entry.value));
                }
            }
        } else {
            try (KeyValueIterator<String, StoreHealth> stores = health.all()) {
                stores.forEachRemaining(entry -> tally.add(caller, entry.value));
            }
        }
        return FleetTotals.ofStores(tally.terminals, tally.online, tally.alerts, tally.stores, tally.degraded);
    }

    private static final class Tally {
        private final Map<String, Long> alerts = new TreeMap<>();
        private long terminals;
        private long online;
        private long stores;
        private long degraded;

        void add(Caller caller, StoreHealth store) {
            // a prefix scan of "A/" also finds an account named "A/B": the scope decides
            if (!InScope.store(caller, store)) {
                return;
            }
            terminals += store.getTerminalsKnown();
            online += store.getTerminalsOnline();
            stores++;
            degraded += store.getDegraded() ? 1 : 0;
            store.getActiveAlertsByType().forEach((type, count) -> alerts.merge(type, count.longValue(), Long::sum));
        }
    }
}
