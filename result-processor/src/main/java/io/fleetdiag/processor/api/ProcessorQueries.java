package io.fleetdiag.processor.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdiag.processor.history.AlertHistoryProcessor;
import io.fleetdiag.processor.reboot.RebootTable;
import io.fleetdiag.processor.reboot.TerminalReboots;
import io.fleetdiag.processor.stores.StoreContribution;
import io.fleetdiag.processor.stores.StoreProcessor;
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
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

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
                get("/api/terminals/{poiid}", "one terminal's state", call -> terminal(call, call.param("poiid"))),
                get("/api/terminals/{poiid}/alerts", "a terminal's alert history, newest first, paged", this::terminalHistory),
                get("/api/stores", "the stores, paged; filters merchantAccount, degraded; sort=health|name", lists::stores),
                get("/api/stores/{merchantAccount}/{store}", "one store's health", this::store),
                get("/api/stores/{merchantAccount}/{store}/alerts", "a store's and its terminals' alert history, newest first, paged",
                        call -> lists.storeHistory(call, call.param("merchantAccount"), call.param("store"))),
                get("/api/alerts", "active=true (default): the active alerts by alertId [type]; active=false: the fleet's alert history, "
                        + "newest first [type, severity, merchantAccount, store]; both paged", this::alerts),
                get("/api/fleet", "terminals, online, offline, alerts by type, results by outcome, stores; a scoped caller's from its stores' health", call -> fleet(call).json()));
    }

    /** A read route answering JSON; a typed failure gets its status ({@link Failures}). */
    private static Route get(String path, String doc, JsonQuery query) {
        return Route.get(path, Permission.READ, doc, Failures.mapped(call -> Reply.json(200, query.answer(call).toString())));
    }

    @FunctionalInterface
    private interface JsonQuery {
        JsonNode answer(HttpCall call) throws QueryException;
    }

    /** {@code GET /api/terminals}'s answer to {@code call}, for code such as {@link StoreTerminals}. */
    JsonNode terminals(HttpCall call) throws QueryException {
        return lists.terminals(call);
    }

    /**
     * {@code GET /api/terminals/{poiid}}'s answer for the caller of {@code origin}, from this instance or the one
     * owning the terminal; a terminal out of their scope is not found, as an unknown one. The owner's answer is
     * checked again here, so that an owner that did not apply the scope (an older version) shows nothing more.
     */
    public JsonNode terminal(HttpCall origin, String poiid) throws QueryException {
        JsonNode terminal = byKey(origin, TerminalProcessor.STATE_TABLE, poiid, "/api/terminals/" + URLEncoder.encode(poiid, StandardCharsets.UTF_8),
                () -> Optional.ofNullable(states.decode(tables.<byte[]>table(TerminalProcessor.STATE_TABLE).get(poiid)))
                        .filter(state -> InScope.terminal(origin.caller(), state))
                        .map(state -> OperationsJson.terminal(state, tables.operations(), Instant.now())), "No terminal " + poiid);
        if (!InScope.sees(origin.caller(), text(terminal, "merchantAccount"), text(terminal, "store"))) {
            throw new QueryException.NotFound("No terminal " + poiid);
        }
        return terminal;
    }

    /**
     * {@code GET /api/terminals/{poiid}/reboots}'s answer, from the instance owning the terminal's row of the reboot table:
     * its reboots newest first, none when it has no row. The caller's scope is the route's to check.
     */
    public JsonNode reboots(HttpCall origin, String poiid) throws QueryException {
        return byKey(origin, RebootTable.TABLE, poiid, "/api/terminals/" + URLEncoder.encode(poiid, StandardCharsets.UTF_8) + "/reboots",
                () -> {
                    TerminalReboots row = tables.<TerminalReboots>table(RebootTable.TABLE).get(poiid);
                    List<Object> items = (row == null ? TerminalReboots.NONE : row).newestFirst().stream()
                            .<Object>map(TerminalReboots.Known::json).toList();
                    return Optional.of(Json.MAPPER.valueToTree(Map.of("poiid", poiid, "items", items)));
                }, "");
    }

    private JsonNode terminalHistory(HttpCall call) throws QueryException {
        String poiid = call.param("poiid");
        Paging.Page page = Paging.page(call);
        String path = call.path() + "?page=" + page.page() + "&size=" + page.size();
        return byKey(call, AlertHistoryProcessor.TABLE, poiid, path, () -> Optional.of(lists.subjectHistory(call.caller(), poiid, page)), "");
    }

    private JsonNode store(HttpCall call) throws QueryException {
        String key = StoreContribution.storeKey(call.param("merchantAccount"), call.param("store"));
        if (!InScope.sees(call.caller(), call.param("merchantAccount"), call.param("store"))) {
            throw new QueryException.NotFound("No store " + key);
        }
        return byKey(call, StoreProcessor.HEALTH_TABLE, key, call.path(), () -> Optional.ofNullable(
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

    /** {@code GET /api/fleet}'s answer for the caller of {@code call}, gathered from every instance. */
    public FleetTotals fleet(HttpCall call) throws QueryException {
        FleetTotals local;
        try {
            local = call.caller().scope().unrestricted() ? FleetQuery.wholeFleet(tables) : FleetQuery.inScope(tables, call.caller());
        } catch (InvalidStateStoreException e) {
            throw QueryException.Unavailable.rebalancing();
        }
        return "true".equals(call.query("local", "false")) ? local
                : peers.gather(call, "/api/fleet?local=true", FleetTotals::parse, FleetTotals::sum, local);
    }

    /** Answers from the local state table when this instance owns the key, else asks the owner. */
    private JsonNode byKey(HttpCall origin, String tableName, String key, String path, TableLookup local, String notFound) throws QueryException {
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
            return peers.owner(origin, owner.activeHost(), path);
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

    private static String text(JsonNode json, String field) {
        JsonNode value = json.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    private static JsonNode json(SpecificRecord record) {
        try {
            return Json.MAPPER.readTree(record.toString());
        } catch (IOException e) {
            throw new IllegalStateException("Avro record is not JSON: " + e.getMessage(), e);
        }
    }
}
