package io.fleetdiag.processor.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.fleetdiag.processor.history.AlertHistoryProcessor;
import io.fleetdiag.processor.presence.PresenceProcessor;
import io.fleetdiag.processor.operations.AlertOperations;
import io.fleetdiag.processor.stores.StoreContribution;
import io.fleetdiag.processor.stores.StoreProcessor;
import io.fleetdiag.processor.terminal.FleetCounts;
import io.fleetdiag.processor.terminal.TerminalProcessor;
import io.fleetdiag.processor.terminal.TerminalStateCodec;
import io.fleetdiag.schemas.StoreHealth;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.service.Json;
import io.fleetdiag.service.http.HttpCall;
import io.fleetdiag.service.http.Reply;
import io.fleetdiag.service.http.Route;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * Interactive queries over HTTP. A key another instance owns is answered through that instance; the
 * fleet-wide views ask every instance for its part ({@code local=true}) and combine them.
 *
 * <pre>
 * GET /api/terminals/{poiid}                        the terminal's state
 * GET /api/terminals?merchantAccount=&amp;store=&amp;presence=&amp;alertType=&amp;page=&amp;size=   paged, by POIID
 * GET /api/terminals/{poiid}/alerts?page=&amp;size=     its alert history, newest first
 * GET /api/stores/{merchantAccount}/{store}         the store's health
 * GET /api/stores?merchantAccount=&amp;degraded=&amp;sort=health|name&amp;page=&amp;size=   paged
 * GET /api/stores/{merchantAccount}/{store}/alerts  its and its terminals' alert history, newest first
 * GET /api/alerts?active=true[&amp;type=T]              every active alert
 * GET /api/alerts?active=false[&amp;type=&amp;severity=&amp;merchantAccount=&amp;store=&amp;page=&amp;size=]   the fleet's alert history
 * GET /api/fleet                                    terminals, online, offline, alerts by type, results by outcome
 * </pre>
 * Paged answers are {@code {"page","size","total","items"}} ({@link Paging}); docs/dashboard.md has them all.
 * Alerts show their acknowledgement and whether a silence holds now; acknowledging and silencing are
 * {@link AlertOperationsApi}'s.
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

    public Map<String, Route> routes() {
        return Map.of(
                "/api/terminals", this::terminal,
                "/api/stores", this::store,
                "/api/alerts", this::alerts,
                "/api/fleet", this::fleet);
    }

    private Reply terminal(HttpCall call) throws Exception {
        if (call.rest().isEmpty()) {
            return lists.terminals(call);
        }
        if (call.rest().endsWith("/alerts")) {
            return terminalHistory(call, decode(call.rest().substring(0, call.rest().length() - "/alerts".length())));
        }
        return terminal(decode(call.rest()));
    }

    /** {@code GET /api/terminals/{poiid}}'s answer, from this instance or the one owning the terminal. */
    public Reply terminal(String poiid) throws Exception {
        return byKey(TerminalProcessor.STATE_TABLE, poiid, "/api/terminals/" + URLEncoder.encode(poiid, StandardCharsets.UTF_8), () -> Optional.ofNullable(
                        states.decode(tables.<byte[]>table(TerminalProcessor.STATE_TABLE).get(poiid)))
                .map(state -> OperationsJson.terminal(state, tables.operations(), Instant.now())), "No terminal " + poiid);
    }

    private Reply terminalHistory(HttpCall call, String poiid) throws Exception {
        Paging.Page page;
        try {
            page = Paging.page(call);
        } catch (Paging.BadPage e) {
            return Reply.error(400, e.getMessage());
        }
        String path = call.path() + "?page=" + page.page() + "&size=" + page.size();
        return byKey(AlertHistoryProcessor.TABLE, poiid, path, () -> Optional.of(lists.subjectHistory(poiid, page)), "");
    }

    private Reply store(HttpCall call) throws Exception {
        if (call.rest().isEmpty()) {
            return lists.stores(call);
        }
        String[] parts = call.rest().split("/", -1);
        if (parts.length == 3 && parts[2].equals("alerts") && !parts[0].isEmpty() && !parts[1].isEmpty()) {
            return lists.storeHistory(call, decode(parts[0]), decode(parts[1]));
        }
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return Reply.error(400, "Give a store: /api/stores/{merchantAccount}/{store}[/alerts]");
        }
        String key = StoreContribution.storeKey(decode(parts[0]), decode(parts[1]));
        return byKey(StoreProcessor.HEALTH_TABLE, key, call.path(), () -> Optional.ofNullable(
                tables.<StoreHealth>table(StoreProcessor.HEALTH_TABLE).get(key)).map(ProcessorQueries::json), "No store " + key);
    }

    private Reply alerts(HttpCall call) throws Exception {
        String active = call.query("active", "true");
        if (active.equals("false")) {
            return lists.fleetHistory(call);
        }
        if (!active.equals("true")) {
            return Reply.error(400, "active is true (every active alert) or false (the recent history, paged), not '" + active + "'");
        }
        String type = call.query("type", null);
        ArrayNode alerts = Json.MAPPER.createArrayNode();
        try {
            AlertOperations operations = tables.operations();
            Instant now = Instant.now();
            for (String tableName : new String[] {TerminalProcessor.ACTIVE_ALERTS_TABLE, StoreProcessor.ALERTS_TABLE,
                    PresenceProcessor.SOURCE_ALERTS_TABLE}) {
                try (KeyValueIterator<String, TerminalAlert> all = tables.<TerminalAlert>table(tableName).all()) {
                    while (all.hasNext()) {
                        TerminalAlert alert = all.next().value;
                        if (type == null || alert.getType().name().equals(type)) {
                            alerts.add(OperationsJson.alert(alert, operations, now));
                        }
                    }
                }
            }
        } catch (InvalidStateStoreException e) {
            return rebalancing();
        }
        if (!isLocalOnly(call)) {
            for (HostInfo other : others()) {
                JsonNode remote = Json.MAPPER.readTree(forward(other, "/api/alerts?active=true&local=true"
                        + (type == null ? "" : "&type=" + URLEncoder.encode(type, StandardCharsets.UTF_8))).body());
                remote.forEach(alerts::add);
            }
        }
        return Reply.json(200, alerts.toString());
    }

    private Reply fleet(HttpCall call) throws Exception {
        FleetCounts counts = FleetCounts.EMPTY;
        int stores = 0;
        int degraded = 0;
        try {
            try (KeyValueIterator<String, FleetCounts> tasks = tables.<FleetCounts>table(TerminalProcessor.FLEET_COUNTS_TABLE).all()) {
                while (tasks.hasNext()) {
                    counts = counts.sum(tasks.next().value);
                }
            }
            try (KeyValueIterator<String, StoreHealth> all = tables.<StoreHealth>table(StoreProcessor.HEALTH_TABLE).all()) {
                while (all.hasNext()) {
                    KeyValue<String, StoreHealth> health = all.next();
                    stores++;
                    degraded += health.value.getDegraded() ? 1 : 0;
                }
            }
        } catch (InvalidStateStoreException e) {
            return rebalancing();
        }
        Map<String, Object> fleet = new LinkedHashMap<>();
        fleet.put("terminals", counts.terminals());
        fleet.put("online", counts.online());
        fleet.put("offline", counts.offline());
        fleet.put("neverSeen", counts.neverSeen());
        fleet.put("terminalsWithActiveAlerts", counts.withActiveAlerts());
        fleet.put("activeAlertsByType", counts.activeAlertsByType());
        fleet.put("resultsByOutcome", counts.resultsByOutcome());
        fleet.put("stores", stores);
        fleet.put("degradedStores", degraded);
        if (!isLocalOnly(call)) {
            for (HostInfo other : others()) {
                add(fleet, Json.MAPPER.readTree(forward(other, "/api/fleet?local=true").body()));
            }
        }
        return Reply.json(200, Json.write(fleet));
    }

    /** {@code GET /api/fleet}'s answer, gathered from every instance. */
    public Reply fleet() throws Exception {
        return fleet(new HttpCall("GET", "/api/fleet", "", Map.of(), Map.of(), ""));
    }

    @SuppressWarnings("unchecked")
    private static void add(Map<String, Object> fleet, JsonNode other) {
        for (String field : new String[] {"terminals", "online", "offline", "neverSeen", "terminalsWithActiveAlerts", "stores", "degradedStores"}) {
            fleet.put(field, ((Number) fleet.get(field)).longValue() + other.path(field).asLong());
        }
        for (String field : new String[] {"activeAlertsByType", "resultsByOutcome"}) {
            Map<String, Long> sum = new LinkedHashMap<>((Map<String, Long>) fleet.get(field));
            other.path(field).fields().forEachRemaining(entry -> sum.merge(entry.getKey(), entry.getValue().asLong(), Long::sum));
            fleet.put(field, sum);
        }
    }

    /** Answers from the local state table when this instance owns the key, else asks the owner. */
    private Reply byKey(String tableName, String key, String path, TableLookup local, String notFound) throws Exception {
        KeyQueryMetadata owner;
        try {
            owner = streams.get().queryMetadataForKey(tableName, key, new StringSerializer());
        } catch (IllegalStateException e) {
            return rebalancing();
        }
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            return rebalancing();
        }
        if (!owner.activeHost().equals(peers.self())) {
            HttpResponse<String> answer = forward(owner.activeHost(), path);
            return Reply.json(answer.statusCode(), answer.body());
        }
        try {
            return local.find().map(value -> Reply.json(200, value.toString())).orElse(Reply.error(404, notFound));
        } catch (InvalidStateStoreException e) {
            return rebalancing();
        }
    }

    @FunctionalInterface
    private interface TableLookup {
        Optional<JsonNode> find();
    }

    private Iterable<HostInfo> others() {
        return peers.others();
    }

    private HttpResponse<String> forward(HostInfo host, String pathAndQuery) throws IOException, InterruptedException {
        return peers.get(host, pathAndQuery);
    }

    private static boolean isLocalOnly(HttpCall call) {
        return "true".equals(call.query("local", "false"));
    }

    private static JsonNode json(SpecificRecord record) {
        try {
            return Json.MAPPER.readTree(record.toString());
        } catch (IOException e) {
            throw new IllegalStateException("Avro record is not JSON: " + e.getMessage(), e);
        }
    }

    static Reply rebalancing() {
        return Reply.error(503, "The processor is rebalancing or restoring its state; ask again in a moment");
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }
}
