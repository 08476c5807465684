package io.fleetdiag.processor.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdiag.processor.fleet.FleetAlerts;
import io.fleetdiag.processor.operations.ResolvedAlerts;
import io.fleetdiag.processor.operations.Silences;
import io.fleetdiag.processor.stores.StoreProcessor;
import io.fleetdiag.processor.terminal.TerminalProcessor;
import io.fleetdiag.schemas.AlertScope;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.service.http.HttpCall;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Looks for an alert in this instance's active terminal, fleet and store alerts and resolved episodes, then
 * asks every other instance for its part: alerts are partitioned by POIID or store, not by alertId, so
 * the owner cannot be computed from the id. An active answer wins over a resolved one.
 */
final class StreamsAlertFinder implements AlertFinder {

    private final Supplier<KafkaStreams> streams;
    private final Peers peers;

    StreamsAlertFinder(Supplier<KafkaStreams> streams, Peers peers) {
        this.streams = streams;
        this.peers = peers;
    }

    @Override
    public Optional<Found> find(HttpCall origin, String alertId) throws QueryException {
        Optional<Found> found;
        try {
            found = local(alertId);
        } catch (InvalidStateStoreException e) {
            throw QueryException.Unavailable.rebalancing();
        }
        if ("true".equals(origin.query("local", "false")) || found.filter(Found::active).isPresent()) {
            return found;
        }
        return peers.gather(origin, "/api/alerts/" + URLEncoder.encode(alertId, StandardCharsets.UTF_8) + "?local=true",
                json -> Optional.of(parse(alertId, json)), StreamsAlertFinder::activeFirst, found);
    }

    private static Optional<Found> activeFirst(Optional<Found> one, Optional<Found> other) {
        return one.filter(Found::active).or(() -> other.filter(Found::active)).or(() -> one).or(() -> other);
    }

    private Optional<Found> local(String alertId) {
        TerminalAlert active = this.<TerminalAlert>table(TerminalProcessor.ACTIVE_ALERTS_TABLE).get(alertId);
        if (active == null) {
            active = this.<TerminalAlert>table(FleetAlerts.TABLE).get(alertId);
        }
        if (active == null) {
            try (KeyValueIterator<String, TerminalAlert> stores = this.<TerminalAlert>table(StoreProcessor.ALERTS_TABLE).all()) {
                while (active == null && stores.hasNext()) {
                    TerminalAlert alert = stores.next().value;
                    active = alert.getAlertId().equals(alertId) ? alert : null;
                }
            }
        }
        if (active != null) {
            return Optional.of(found(active, true));
        }
        try (WindowStoreIterator<TerminalAlert> resolved = streams.get().store(StoreQueryParameters.fromNameAndType(
                ResolvedAlerts.TABLE, QueryableStoreTypes.<String, TerminalAlert>windowStore())).fetch(alertId, Instant.EPOCH, Instant.now().plus(ResolvedAlerts.KEPT))) {
            return resolved.hasNext() ? Optional.of(found(resolved.next().value, false)) : Optional.empty();
        }
    }

    private static Found found(TerminalAlert alert, boolean active) {
        ObjectNode json = OperationsJson.avro(alert);
        json.put("active", active);
        return new Found(alert.getAlertId(), Silences.scopeOf(alert), active, json);
    }

    private static Found parse(String alertId, JsonNode json) {
        AlertScope scope = AlertScope.newBuilder()
                .setPoiid(text(json, "poiid")).setMerchantAccount(text(json, "merchantAccount"))
                .setStore(text(json, "store")).setAlertType(text(json, "type")).build();
        return new Found(alertId, scope, json.path("active").asBoolean(), (ObjectNode) json);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }

    private <V> ReadOnlyKeyValueStore<String, V> table(String name) {
        return streams.get().store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    }
}
