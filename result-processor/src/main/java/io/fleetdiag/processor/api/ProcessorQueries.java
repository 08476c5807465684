package io.fleetdiag.processor.api;

import io.fleetdiag.service.access.Caller;
import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdiag.processor.fleet.FleetAlerts;
import io.fleetdiag.processor.history.AlertHistoryProcessor;
import io.fleetdiag.processor.stores.StoreContribution;
import io.fleetdiag.processor.stores.StoreProcessor;
import io.fleetdiag.processor.terminal.FleetCounts;
import io.fleetdiag.processor.terminal.TerminalProcessor;
import io.fleetdiag.processor.terminal.TerminalStateCodec;
import io.fleetdiag.schemas.StoreHealth;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.service.Json;
import io.fleetdiag.service.http.HttpCall;
import io.fleetdiag.service.http.Permission;
import io.fleetdiag.service.http.Reply;
import io.fleetdiag.service.http.Route;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * Interactive queries. A key another instance owns is answered through that instance; the fleet-wide
 * views ask every instance for its part ({@code local=true}) and combine them ({@link Peers#gather}).
 * The queries return JSON or throw a {@link QueryException}; the routes are in {@link #routes()} and,
 * generated from them, in docs/dashboard.md. Alerts show their acknowledgement and whether a silence
 * holds now; acknowledging and silencing are {@link AlertOperationsApi}'s.
 */
public final class ProcessorQueries {

    private final Supplier<KafkaStreams> streams;
    private final LocalTables tables;
    private final Peers peers;
    private final TerminalStateCodec states;
    private final ListQueries lists;

    /** @param self this instance as peers reach it, known once its HTTP port is bound */
    public ProcessorQueries(Supplier<KafkaStreams> streams, Supplier<HostInfo> self, Optional<String> bearerToken, TerminalStateCodec states) {
        this.states = states;
        this.streams = streams;
        this.peers = new Peers(streams, self, bearerToken);
        this.tables = new LocalTables(streams);
        this.lists = new ListQueries(tables, peers, states);
    }

    public List<Route> routes() {
        return List.of(
                get("/api/terminals", "the terminals, paged by POIID; filters merchantAccount, store, presence, alertType", lists::terminals),
                get("/api/terminals/{poiid}", "one terminal's state", call -> terminal(call.param("poiid"))),
                get("/api/terminals/{poiid}/alerts", "a terminal's alert history, newest first, paged", this::terminalHistory),
                get("/api/stores", "the stores, paged; filters merchantAccount, degraded; sort=health|name", lists::stores),
                get("/api/stores/{merchantAccount}/{store}", "one store's health", this::store),
                get("/api/stores/{merchantAccount}/{store}/alerts", "a store's and its terminals' alert history, newest first, paged",
                        call -> lists.storeHistory(call, call.param("merchantAccount"), call.param("store"))),
                get("/api/alerts", "active=true (default): the active alerts by alertId [type]; active=false: the fleet's alert history, "
                        + "newest first [type, severity, merchantAccount, store]; both paged", this::alerts),
                get("/api/fleet", "terminals, online, offline, alerts by type, results by outcome, stores", call -> fleet(call).json()));
    }

    /** A read route answering JSON; a typed failure gets its status ({@link Failures}). */
    private static Route get(String path, String doc, JsonQuery query) {
        return Route.get(path, Permission.READ, doc, Failures.mapped(call -> Reply.json(200, query.answer(call).toString())));
    }

    @FunctionalInterface
    private interface JsonQuery {
        JsonNode answer(HttpCall call) throws QueryException;
    }

    /** {@code GET /api/terminals/{poiid}}'s answer, from this instance or the one owning the terminal. */
    public JsonNode terminal(String poiid) throws QueryException {
        return byKey(TerminalProcessor.STATE_TABLE, poiid, "/api/terminals/" + URLEncoder.encode(poiid, StandardCharsets.UTF_8), () -> Optional.ofNullable(
                        states.decode(tables.<byte[]>table(TerminalProcessor.STATE_TABLE).get(poiid)))
                .map(state -> OperationsJson.terminal(state, tables.operations(), Instant.now())), "No terminal " + poiid);
    }

    private JsonNode terminalHistory(HttpCall call) throws QueryException {
        String poiid = call.param("poiid");
        Paging.Page page = Paging.page(call);
        String path = call.path() + "?page=" + page.page() + "&size=" + page.size();
        return byKey(AlertHistoryProcessor.TABLE, poiid, path, () -> Optional.of(lists.subjectHistory(poiid, page)), "");
    }

    private JsonNode store(HttpCall call) throws QueryException {
        String key = StoreContribution.storeKey(call.param("merchantAccount"), call.param("store"));
        return byKey(StoreProcessor.HEALTH_TABLE, key, call.path(), () -> Optional.ofNullable(
                tables.<StoreHealth>table(StoreProcessor.HEALTH_TABLE).get(key)).map(ProcessorQueries::json), "No store " + key);
    }

    private JsonNode alerts(HttpCall call) throws QueryException {
        String active = call.query("active", "true");
        return switch (active) {
            case "true" -> lists.activeAlerts(call);
            case "false" -> lists.fleetHistory(call);
            default -> throw new QueryException.BadRequest("active is true (the active alerts) or false (the recent history), not '" + active + "'");
        };
    }

    /** {@code GET /api/fleet}'s answer for {@code caller}, gathered from every instance. */
    public FleetTotals fleet(Caller caller) throws QueryException {
        return fleet(HttpCall.get("/api/fleet", Map.of(), caller));
    }

    private FleetTotals fleet(HttpCall call) throws QueryException {
        FleetCounts counts = FleetCounts.EMPTY;
        long stores = 0;
        long degraded = 0;
        try {
            try (KeyValueIterator<String, FleetCounts> tasks = tables.<FleetCounts>table(TerminalProcessor.FLEET_COUNTS_TABLE).all()) {
                while (tasks.hasNext()) {
                    counts = counts.sum(tasks.next().value);
                }
            }
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
        } catch (InvalidStateStoreException e) {
            throw QueryException.Unavailable.rebalancing();
        }
        FleetTotals local = new FleetTotals(counts, stores, degraded);
        return "true".equals(call.query("local", "false")) ? local : peers.gather("/api/fleet?local=true", FleetTotals::parse, FleetTotals::sum, local);
    }

    /** Answers from the local state table when this instance owns the key, else asks the owner. */
    private JsonNode byKey(String tableName, String key, String path, TableLookup local, String notFound) throws QueryException {
        KeyQueryMetadata owner;
        try {
            owner = streams.get().queryMetadataForKey(tableName, key, new StringSerializer());
        } catch (IllegalStateException e) {
            throw QueryException.Unavailable.rebalancing();
        }
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw QueryException.Unavailable.rebalancing();
        }
        if (!owner.activeHost().equals(peers.self())) {
            return peers.owner(owner.activeHost(), path);
        }
        try {
            return local.find().orElseThrow(() -> new QueryException.NotFound(notFound));
        } catch (InvalidStateStoreException e) {
            throw QueryException.Unavailable.rebalancing();
        }
    }

    @FunctionalInterface
    private interface TableLookup {
        Optional<JsonNode> find();
    }

    private static JsonNode json(SpecificRecord record) {
        try {
            return Json.MAPPER.readTree(record.toString());
        } catch (IOException e) {
            throw new IllegalStateException("Avro record is not JSON: " + e.getMessage(), e);
        }
    }
}
