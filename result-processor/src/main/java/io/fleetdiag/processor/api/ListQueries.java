package io.fleetdiag.processor.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdiag.processor.fleet.FleetAlerts;
import io.fleetdiag.processor.history.AlertEpisode;
import io.fleetdiag.processor.history.AlertHistoryProcessor;
import io.fleetdiag.processor.operations.AlertOperations;
import io.fleetdiag.processor.presence.PresenceProcessor;
import io.fleetdiag.processor.stores.StoreProcessor;
import io.fleetdiag.processor.terminal.TerminalProcessor;
import io.fleetdiag.processor.terminal.TerminalStateCodec;
import io.fleetdiag.schemas.StoreHealth;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.schemas.TerminalState;
import io.fleetdiag.service.access.Caller;
import io.fleetdiag.service.http.HttpCall;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * The fleet-wide paged lists: terminals, stores, active alerts and the alert history of a store or of the whole fleet.
 * Each instance lists what its own tasks hold of what the caller sees ({@link InScope}); {@link Paging} gathers the parts.
 */
final class ListQueries {

    private final LocalTables tables;
    private final Paging paging;
    private final TerminalStateCodec states;

    ListQueries(LocalTables tables, Peers peers, TerminalStateCodec states) {
        this.tables = tables;
        this.paging = new Paging(peers);
        this.states = states;
    }

    /** {@code GET /api/terminals?merchantAccount=&store=&presence=&alertType=&page=&size=}, by POIID. */
    JsonNode terminals(HttpCall call) throws QueryException {
        return paging.gathered(call, () -> {
            List<JsonNode> items = new ArrayList<>();
            try (KeyValueIterator<String, byte[]> all = tables.<byte[]>table(TerminalProcessor.STATE_TABLE).all()) {
                all.forEachRemaining(entry -> {
                    TerminalState state = states.decode(entry.value);
                    if (state != null && InScope.terminal(call.caller(), state) && ListItems.matches(state, call.query())) {
                        items.add(ListItems.terminal(state));
                    }
                });
            }
            return items;
        }, ListItems.BY_POIID);
    }

    /** {@code GET /api/stores?merchantAccount=&degraded=&sort=health|name&page=&size=}. */
    JsonNode stores(HttpCall call) throws QueryException {
        String sort = call.query("sort", "name");
        String degraded = call.query("degraded", null);
        if (!sort.equals("name") && !sort.equals("health")) {
            throw new QueryException.BadRequest("sort is health (least healthy first) or name, not '" + sort + "'");
        }
        if (degraded != null && !degraded.equals("true") && !degraded.equals("false")) {
            throw new QueryException.BadRequest("degraded is true or false, not '" + degraded + "'");
        }
        String merchantAccount = call.query("merchantAccount", null);
        return paging.gathered(call, () -> {
            List<JsonNode> items = new ArrayList<>();
            try (KeyValueIterator<String, StoreHealth> all = tables.<StoreHealth>table(StoreProcessor.HEALTH_TABLE).all()) {
                all.forEachRemaining(entry -> {
                    StoreHealth health = entry.value;
                    if (InScope.store(call.caller(), health) && (merchantAccount == null || merchantAccount.equals(health.getMerchantAccount()))
                            && (degraded == null || Boolean.parseBoolean(degraded) == health.getDegraded())) {
                        items.add(ListItems.store(health));
                    }
                });
            }
            return items;
        }, sort.equals("health") ? ListItems.LEAST_HEALTHY_FIRST : ListItems.BY_STORE);
    }

    /** {@code GET /api/stores/{merchantAccount}/{store}/alerts}: its terminals' episodes and its own, newest first. */
    JsonNode storeHistory(HttpCall call, String merchantAccount, String store) throws QueryException {
        return history(call, episode -> merchantAccount.equals(episode.merchantAccount()) && store.equals(episode.store()));
    }

    /** {@code GET /api/alerts?active=false[&type=&severity=&merchantAccount=&store=]}: the fleet's recent episodes, newest first. */
    JsonNode fleetHistory(HttpCall call) throws QueryException {
        Map<String, String> query = call.query();
        return history(call, episode -> matches(query.get("type"), episode.type()) && matches(query.get("severity"), episode.severity())
                && (query.get("merchantAccount") == null || query.get("merchantAccount").equals(episode.merchantAccount()))
                && (query.get("store") == null || query.get("store").equals(episode.store())));
    }

    /** {@code GET /api/alerts?active=true[&type=]}: the active alerts of terminals, stores, sources and the fleet, by alertId. */
    JsonNode activeAlerts(HttpCall call) throws QueryException {
        String type = call.query("type", null);
        return paging.gathered(call, () -> {
            AlertOperations operations = tables.operations();
            Instant now = Instant.now();
            List<JsonNode> items = new ArrayList<>();
            for (String tableName : List.of(TerminalProcessor.ACTIVE_ALERTS_TABLE, StoreProcessor.ALERTS_TABLE, PresenceProcessor.SOURCE_ALERTS_TABLE,
                    FleetAlerts.TABLE)) {
                try (KeyValueIterator<String, TerminalAlert> all = tables.<TerminalAlert>table(tableName).all()) {
                    all.forEachRemaining(entry -> {
                        if (InScope.alert(call.caller(), entry.value) && (type == null || entry.value.getType().name().equals(type))) {
                            items.add(OperationsJson.alert(entry.value, operations, now));
                        }
                    });
                }
            }
            return items;
        }, ListItems.BY_ALERT_ID);
    }

    /** One subject's history as the owner of its key answers it: the episodes the caller sees. */
    JsonNode subjectHistory(Caller caller, String key, Paging.Page page) {
        AlertOperations operations = tables.operations();
        Instant now = Instant.now();
        List<JsonNode> items = new ArrayList<>();
        try (KeyValueIterator<String, AlertEpisode> episodes = AlertHistoryProcessor.newestFirst(
                tables.table(AlertHistoryProcessor.TABLE), key)) {
            episodes.forEachRemaining(entry -> {
                if (InScope.episode(caller, entry.value)) {
                    items.add(ListItems.episode(entry.value, operations, now));
                }
            });
        }
        return Paging.answer(page, items, ListItems.NEWEST_FIRST);
    }

    private JsonNode history(HttpCall call, Predicate<AlertEpisode> wanted) throws QueryException {
        return paging.gathered(call, () -> {
            AlertOperations operations = tables.operations();
            Instant now = Instant.now();
            List<JsonNode> items = new ArrayList<>();
            try (KeyValueIterator<String, AlertEpisode> all = tables.<AlertEpisode>table(AlertHistoryProcessor.TABLE).all()) {
                all.forEachRemaining(entry -> {
                    if (InScope.episode(call.caller(), entry.value) && wanted.test(entry.value)) {
                        items.add(ListItems.episode(entry.value, operations, now));
                    }
                });
            }
            return items;
        }, ListItems.NEWEST_FIRST);
    }

    private static boolean matches(String wanted, String actual) {
        return wanted == null || wanted.equalsIgnoreCase(actual);
    }

}
