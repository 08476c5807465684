package io.fleetdiag.processor.api;

import static io.fleetdiag.processor.api.OperationRequests.LONGEST_NAME;
import static io.fleetdiag.processor.api.OperationRequests.body;
import static io.fleetdiag.processor.api.OperationRequests.name;
import static io.fleetdiag.processor.api.OperationRequests.note;
import static io.fleetdiag.processor.api.OperationRequests.scopeProblem;
import static io.fleetdiag.processor.api.OperationRequests.text;
import static io.fleetdiag.processor.api.OperationRequests.untilProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdiag.processor.operations.Acknowledgements;
import io.fleetdiag.processor.operations.ResolvedAlerts;
import io.fleetdiag.processor.operations.AlertOperations;
import io.fleetdiag.processor.operations.Silences;
import io.fleetdiag.schemas.AlertOperation;
import io.fleetdiag.schemas.AlertScope;
import io.fleetdiag.service.Json;
import io.fleetdiag.service.http.HttpCall;
import io.fleetdiag.service.http.Reply;
import io.fleetdiag.service.http.Route;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/**
 * Acknowledging and silencing alerts (docs/alert-operations.md). Any instance takes a request: it
 * checks it, writes it to the alert-operations topic and answers once the broker has it; every
 * instance then sees it in its global table.
 *
 * <pre>
 * GET    /api/alerts/{alertId}       one alert, active or recently resolved
 * POST   /api/alerts/{alertId}/ack   {"by": "...", "note": "..."}; 404 unknown, 409 already resolved
 * POST   /api/silences               {"poiid" | "merchantAccount"[, "store"] and/or "type", "until", "by", "reason"}
 * GET    /api/silences[?all=true]    the active silences (all=true: also ended ones)
 * DELETE /api/silences/{silenceId}?by=NAME   ends a silence now
 * </pre>
 */
public final class AlertOperationsApi {


    private final AlertFinder finder;
    private final Supplier<AlertOperations> table;
    private final Producer<String, AlertOperation> producer;
    private final String topic;
    private final Clock clock;

    public AlertOperationsApi(AlertFinder finder, Supplier<AlertOperations> table, Producer<String, AlertOperation> producer,
                              String topic, Clock clock) {
        this.finder = finder;
        this.table = table;
        this.producer = producer;
        this.topic = topic;
        this.clock = clock;
    }

    /** The API of a running processor: alerts found through its stores and peers, silences read from its global table. */
    public static AlertOperationsApi onStreams(Supplier<KafkaStreams> streams, Supplier<HostInfo> self, Optional<String> bearerToken,
                                               Producer<String, AlertOperation> producer, String topic) {
        return new AlertOperationsApi(new StreamsAlertFinder(streams, new Peers(streams, self, bearerToken)),
                () -> AlertOperations.queried(streams.get().store(StoreQueryParameters.fromNameAndType(
                        AlertOperations.TABLE, QueryableStoreTypes.<String, AlertOperation>keyValueStore()))),
                producer, topic, Clock.systemUTC());
    }

    public Map<String, Route> routes() {
        // "/api/alerts/" is longer than the list's "/api/alerts", so it takes every path below it
        return Map.of("/api/alerts/", this::alert, "/api/silences", this::silences);
    }

    private Reply alert(HttpCall call) throws Exception {
        String[] parts = call.rest().split("/", -1);
        String alertId = decode(parts[0]);
        if (alertId.isEmpty() || parts.length > 2 || (parts.length == 2 && !parts[1].equals("ack"))) {
            return Reply.error(404, "No resource " + call.path() + ": GET /api/alerts/{alertId} or POST /api/alerts/{alertId}/ack");
        }
        boolean ack = parts.length == 2;
        if (!call.method().equals(ack ? "POST" : "GET")) {
            return Reply.error(405, call.method() + " is not allowed here");
        }
        Optional<AlertFinder.Found> found;
        try {
            found = finder.find(alertId, "true".equals(call.query("local", "false")));
        } catch (AlertFinder.Unavailable e) {
            return unavailable();
        }
        if (found.isEmpty()) {
            return Reply.error(404, "No alert " + alertId + " (none active, none resolved in the last " + ResolvedAlerts.KEPT.toDays() + " days)");
        }
        if (!ack) {
            ObjectNode json = found.get().json().deepCopy();
            table.get().status(alertId, found.get().scope(), now()).forEach(json::putPOJO);
            return Reply.json(200, json.toString());
        }
        if (!found.get().active()) {
            return Reply.error(409, "Alert " + alertId + " is already resolved (at " + found.get().json().path("resolvedAt").asText() + ")");
        }
        JsonNode body;
        try {
            body = body(call);
        } catch (IOException e) {
            return Reply.error(400, "The body must be a JSON object: {\"by\": \"your name\", \"note\": \"...\"}");
        }
        Optional<String> problem = name(body, "by").or(() -> note(body, "note"));
        if (problem.isPresent()) {
            return Reply.error(400, problem.get());
        }
        AlertOperation acknowledgement = Acknowledgements.of(alertId, found.get().scope(), text(body, "by"), text(body, "note"), now());
        return written(acknowledgement, () -> Reply.json(200, Json.write(OperationsJson.acknowledgement(acknowledgement))));
    }

    private Reply silences(HttpCall call) throws Exception {
        String silenceId = decode(call.rest());
        return switch (call.method()) {
            case "GET" -> silenceId.isEmpty() ? list("true".equals(call.query("all", "false")))
                    : table.get().silence(silenceId).map(silence -> Reply.json(200, Json.write(OperationsJson.silence(silence, now()))))
                    .orElse(Reply.error(404, "No silence " + silenceId));
            case "POST" -> silenceId.isEmpty() ? create(call) : Reply.error(405, "POST /api/silences creates a silence");
            case "DELETE" -> silenceId.isEmpty() ? Reply.error(400, "Give a silence: DELETE /api/silences/{silenceId}?by=NAME") : end(call, silenceId);
            default -> Reply.error(405, call.method() + " is not allowed here");
        };
    }

    private Reply list(boolean all) {
        Instant now = now();
        List<Map<String, Object>> silences = table.get().silences().stream()
                .filter(silence -> all || Silences.activeAt(silence, now))
                .sorted(Comparator.comparing(AlertOperation::getCreatedAt))
                .map(silence -> OperationsJson.silence(silence, now)).toList();
        return Reply.json(200, Json.write(silences));
    }

    private Reply create(HttpCall call) throws Exception {
        JsonNode body;
        try {
            body = body(call);
        } catch (IOException e) {
            return Reply.error(400, "The body must be a JSON object, e.g. {\"poiid\": \"V400m-123\", \"until\": \"2026-12-01T18:00:00Z\", \"by\": \"you\"}");
        }
        Instant now = now();
        Optional<String> problem = scopeProblem(body).or(() -> untilProblem(body, now))
                .or(() -> name(body, "by")).or(() -> note(body, "reason"));
        if (problem.isPresent()) {
            return Reply.error(400, problem.get());
        }
        AlertScope scope = AlertScope.newBuilder().setPoiid(text(body, "poiid")).setMerchantAccount(text(body, "merchantAccount"))
                .setStore(text(body, "store")).setAlertType(text(body, "type")).build();
        AlertOperation silence = Silences.create(scope, Instant.parse(text(body, "until")), text(body, "by"), text(body, "reason"), now);
        return written(silence, () -> Reply.json(201, Json.write(OperationsJson.silence(silence, now()))));
    }

    private Reply end(HttpCall call, String silenceId) throws Exception {
        String by = call.query("by", null);
        if (by == null && !call.body().isBlank()) {
            try {
                by = text(body(call), "by");
            } catch (IOException e) {
                return Reply.error(400, "The body must be a JSON object: {\"by\": \"your name\"}");
            }
        }
        if (by == null || by.isBlank() || by.length() > LONGEST_NAME) {
            return Reply.error(400, "Say who ends the silence: ?by=NAME (at most " + LONGEST_NAME + " characters)");
        }
        Optional<AlertOperation> silence = table.get().silence(silenceId);
        if (silence.isEmpty()) {
            return Reply.error(404, "No silence " + silenceId);
        }
        Instant now = now();
        if (!Silences.activeAt(silence.get(), now)) {
            return Reply.error(409, "Silence " + silenceId + " has already ended");
        }
        AlertOperation ended = Silences.ended(silence.get(), by.strip(), now);
        return written(ended, () -> Reply.json(200, Json.write(OperationsJson.silence(ended, now()))));
    }

    /** Answers only once the broker has the record, so a 2xx means every instance will see it. */
    private Reply written(AlertOperation operation, Supplier<Reply> then) throws InterruptedException {
        try {
            producer.send(new ProducerRecord<>(topic, operation.getId(), operation)).get(30, TimeUnit.SECONDS);
            return then.get();
        } catch (ExecutionException | TimeoutException e) {
            return Reply.error(503, "Not written to the alert-operations topic, try again: " + e.getMessage());
        }
    }

    /** Milliseconds, as the topic keeps them, so that an answer shows what every instance will see. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static Reply unavailable() {
        return Reply.error(503, "The processor is rebalancing or restoring its state; ask again in a moment");
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }
}
