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
import io.fleetdiag.service.http.Permission;
import io.fleetdiag.service.http.Reply;
import io.fleetdiag.service.http.Route;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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
 * Its routes are listed in {@link #routes()} and, generated from them, in docs/alert-operations.md.
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

    public List<Route> routes() {
        return List.of(
                Route.get("/api/alerts/{alertId}", Permission.READ, "one alert, active or recently resolved, with its acknowledgement and silence",
                        Failures.mapped(call -> alert(call, false))),
                Route.post("/api/alerts/{alertId}/ack", Permission.OPERATE,
                        "acknowledges an active alert: {\"by\", \"note\"}; 404 unknown, 409 already resolved", Failures.mapped(call -> alert(call, true))),
                Route.get("/api/silences", Permission.READ, "the active silences, oldest first, paged (all=true: also ended ones)",
                        Failures.mapped(this::list)),
                Route.post("/api/silences", Permission.OPERATE,
                        "creates a silence: {\"poiid\" | \"merchantAccount\"[, \"store\"] and/or \"type\", \"until\", \"by\", \"reason\"}",
                        Failures.mapped(this::create)),
                Route.get("/api/silences/{silenceId}", Permission.READ, "one silence",
                        Failures.mapped(call -> Reply.json(200, Json.write(OperationsJson.silence(silence(call.param("silenceId")), now()))))),
                Route.delete("/api/silences/{silenceId}", Permission.OPERATE, "ends a silence now: ?by=NAME (or {\"by\"})",
                        Failures.mapped(call -> end(call, call.param("silenceId")))));
    }

    private Reply alert(HttpCall call, boolean ack) throws QueryException {
        String alertId = call.param("alertId");
        Optional<AlertFinder.Found> found = finder.find(alertId, "true".equals(call.query("local", "false")));
        if (found.isEmpty()) {
            throw new QueryException.NotFound("No alert " + alertId + " (none active, none resolved in the last " + ResolvedAlerts.KEPT.toDays() + " days)");
        }
        if (!ack) {
            ObjectNode json = found.get().json().deepCopy();
            table.get().status(alertId, found.get().scope(), now()).forEach(json::putPOJO);
            return Reply.json(200, json.toString());
        }
        if (!found.get().active()) {
            throw new QueryException.Conflict("Alert " + alertId + " is already resolved (at " + found.get().json().path("resolvedAt").asText() + ")");
        }
        JsonNode body = body(call, "{\"by\": \"your name\", \"note\": \"...\"}");
        checked(name(body, "by").or(() -> note(body, "note")));
        AlertOperation acknowledgement = Acknowledgements.of(alertId, found.get().scope(), text(body, "by"), text(body, "note"), now());
        return written(acknowledgement, () -> Reply.json(200, Json.write(OperationsJson.acknowledgement(acknowledgement))));
    }

    /** Every instance holds every silence (a global table): the list is answered here, paged like any other. */
    private Reply list(HttpCall call) throws QueryException {
        Paging.Page page = Paging.page(call);
        boolean all = "true".equals(call.query("all", "false"));
        Instant now = now();
        List<JsonNode> silences = table.get().silences().stream()
                .filter(silence -> all || Silences.activeAt(silence, now))
                .sorted(Comparator.comparing(AlertOperation::getCreatedAt).thenComparing(AlertOperation::getId))
                .map(silence -> (JsonNode) Json.MAPPER.valueToTree(OperationsJson.silence(silence, now))).toList();
        return Reply.json(200, Paging.answer(page, silences, (one, other) -> 0).toString());
    }

    private AlertOperation silence(String silenceId) throws QueryException.NotFound {
        return table.get().silence(silenceId).orElseThrow(() -> new QueryException.NotFound("No silence " + silenceId));
    }

    private Reply create(HttpCall call) throws QueryException {
        JsonNode body = body(call, "{\"poiid\": \"V400m-123\", \"until\": \"2026-12-01T18:00:00Z\", \"by\": \"you\"}");
        Instant now = now();
        checked(scopeProblem(body).or(() -> untilProblem(body, now)).or(() -> name(body, "by")).or(() -> note(body, "reason")));
        AlertScope scope = AlertScope.newBuilder().setPoiid(text(body, "poiid")).setMerchantAccount(text(body, "merchantAccount"))
                .setStore(text(body, "store")).setAlertType(text(body, "type")).build();
        AlertOperation silence = Silences.create(scope, Instant.parse(text(body, "until")), text(body, "by"), text(body, "reason"), now);
        return written(silence, () -> Reply.json(201, Json.write(OperationsJson.silence(silence, now()))));
    }

    private Reply end(HttpCall call, String silenceId) throws QueryException {
        String by = call.query("by", null);
        if (by == null && !call.body().isBlank()) {
            by = text(body(call, "{\"by\": \"your name\"}"), "by");
        }
        if (by == null || by.isBlank() || by.length() > LONGEST_NAME) {
            throw new QueryException.BadRequest("Say who ends the silence: ?by=NAME (at most " + LONGEST_NAME + " characters)");
        }
        AlertOperation silence = silence(silenceId);
        Instant now = now();
        if (!Silences.activeAt(silence, now)) {
            throw new QueryException.Conflict("Silence " + silenceId + " has already ended");
        }
        AlertOperation ended = Silences.ended(silence, by.strip(), now);
        return written(ended, () -> Reply.json(200, Json.write(OperationsJson.silence(ended, now()))));
    }

    /** Answers only once the broker has the record, so a 2xx means every instance will see it. */
    private Reply written(AlertOperation operation, Supplier<Reply> then) throws QueryException.Unavailable {
        OperationRequests.written(producer, new ProducerRecord<>(topic, operation.getId(), operation), "the alert-operations topic");
        return then.get();
    }

    private static void checked(Optional<String> problem) throws QueryException.BadRequest {
        if (problem.isPresent()) {
            throw new QueryException.BadRequest(problem.get());
        }
    }

    /** Milliseconds, as the topic keeps them, so that an answer shows what every instance will see. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
