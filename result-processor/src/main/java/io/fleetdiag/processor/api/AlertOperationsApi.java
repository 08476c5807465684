package io.fleetdiag.processor.api;

import static io.fleetdiag.processor.api.OperationRequests.body;
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
import io.fleetdiag.service.access.Caller;
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
 * instance then sees it in its global table. Who did it ({@code by}, {@code endedBy}) is the caller's
 * subject, never what the request says. A caller acts only within their scope ({@link InScope}): an
 * alert or silence beyond it is not found, a silence may not reach beyond it (403).
 * Its routes are listed in {@link #routes()} and, generated from them, in docs/alert-operations.md.
 */
public final class AlertOperationsApi {

    /** An acknowledgement or silence: a note or reason of {@link OperationRequests#LONGEST_NOTE} characters, each up to 4 UTF-8 bytes, and a scope. */
    static final int OPERATION_BODY = 16 * 1024;

    private final AlertFinder finder;
    private final TerminalLookup terminals;
    private final Supplier<AlertOperations> table;
    private final Producer<String, AlertOperation> producer;
    private final String topic;
    private final Clock clock;

    public AlertOperationsApi(AlertFinder finder, TerminalLookup terminals, Supplier<AlertOperations> table,
                              Producer<String, AlertOperation> producer, String topic, Clock clock) {
        this.finder = finder;
        this.terminals = terminals;
        this.table = table;
        this.producer = producer;
        this.topic = topic;
        this.clock = clock;
    }

    /** The API of a running processor: alerts found through its stores and peers, silences read from its global table. */
    public static AlertOperationsApi onStreams(Supplier<KafkaStreams> streams, Supplier<HostInfo> self, Optional<String> bearerToken,
                                               TerminalLookup terminals, Producer<String, AlertOperation> producer, String topic) {
        return new AlertOperationsApi(new StreamsAlertFinder(streams, new Peers(streams, self, bearerToken)), terminals,
                () -> AlertOperations.queried(streams.get().store(StoreQueryParameters.fromNameAndType(
                        AlertOperations.TABLE, QueryableStoreTypes.<String, AlertOperation>keyValueStore()))),
                producer, topic, Clock.systemUTC());
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/alerts/{alertId}", Permission.READ, "one alert, active or recently resolved, with its acknowledgement and silence; 404 unknown or out of scope",
                        Failures.mapped(call -> alert(call, false))),
                Route.post("/api/alerts/{alertId}/ack", Permission.OPERATE,
                        "acknowledges an active alert as the caller: {\"note\"}; 404 unknown or out of scope, 409 already resolved", Failures.mapped(call -> alert(call, true)))
                        .accepting(OPERATION_BODY),
                Route.get("/api/silences", Permission.READ, "the active silences within the caller's scope, oldest first, paged (all=true: also ended ones)",
                        Failures.mapped(this::list)),
                Route.post("/api/silences", Permission.OPERATE,
                        "creates a silence as the caller: {\"poiid\" | \"merchantAccount\"[, \"store\"] and/or \"type\", \"until\", \"reason\"}; 403 beyond the caller's scope",
                        Failures.mapped(this::create)).accepting(OPERATION_BODY),
                Route.get("/api/silences/{silenceId}", Permission.READ, "one silence; 404 unknown or out of scope",
                        Failures.mapped(call -> Reply.json(200, Json.write(OperationsJson.silence(silence(call.caller(), call.param("silenceId")), now()))))),
                Route.delete("/api/silences/{silenceId}", Permission.OPERATE, "ends a silence now, as the caller",
                        Failures.mapped(call -> end(call, call.param("silenceId")))));
    }

    private Reply alert(HttpCall call, boolean ack) throws QueryException {
        String alertId = call.param("alertId");
        Optional<AlertFinder.Found> found = finder.find(call, alertId).filter(alert -> InScope.target(call.caller(), alert.scope()));
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
        JsonNode body = body(call, "{\"note\": \"...\"}");
        checked(note(body, "note"));
        AlertOperation acknowledgement = Acknowledgements.of(alertId, found.get().scope(), call.caller().subject(), text(body, "note"), now());
        return written(acknowledgement, () -> Reply.json(200, Json.write(OperationsJson.acknowledgement(acknowledgement))));
    }

    /** Every instance holds every silence (a global table): the list is answered here, paged like any other. */
    private Reply list(HttpCall call) throws QueryException {
        Paging.Page page = Paging.page(call);
        boolean all = "true".equals(call.query("all", "false"));
        Instant now = now();
        List<JsonNode> silences = table.get().silences().stream()
                .filter(silence -> (all || Silences.activeAt(silence, now)) && InScope.target(call.caller(), silence.getScope()))
                .sorted(Comparator.comparing(AlertOperation::getCreatedAt).thenComparing(AlertOperation::getId))
                .map(silence -> (JsonNode) Json.MAPPER.valueToTree(OperationsJson.silence(silence, now))).toList();
        return Reply.json(200, Paging.answer(page, silences, (one, other) -> 0).toString());
    }

    private AlertOperation silence(Caller caller, String silenceId) throws QueryException.NotFound {
        return table.get().silence(silenceId).filter(silence -> InScope.target(caller, silence.getScope()))
                .orElseThrow(() -> new QueryException.NotFound("No silence " + silenceId));
    }

    private Reply create(HttpCall call) throws QueryException {
        JsonNode body = body(call, "{\"poiid\": \"V400m-123\", \"until\": \"2026-12-01T18:00:00Z\", \"reason\": \"...\"}");
        Instant now = now();
        checked(scopeProblem(body).or(() -> untilProblem(body, now)).or(() -> note(body, "reason")));
        AlertScope scope = target(call, body);
        AlertOperation silence = Silences.create(scope, Instant.parse(text(body, "until")), call.caller().subject(), text(body, "reason"), now);
        return written(silence, () -> Reply.json(201, Json.write(OperationsJson.silence(silence, now()))));
    }

    /**
     * What the silence matches, within the caller's scope. A terminal silence records the terminal's
     * merchant account and store, so that whoever sees the terminal sees its silence; a terminal nobody
     * knows yet may be silenced only by an unrestricted caller (a restricted one gets 404, as for a terminal
     * out of their scope).
     */
    private AlertScope target(HttpCall call, JsonNode body) throws QueryException {
        String poiid = text(body, "poiid");
        String merchantAccount = text(body, "merchantAccount");
        String store = text(body, "store");
        if (poiid != null) {
            try {
                JsonNode terminal = terminals.terminal(call, poiid);
                merchantAccount = text(terminal, "merchantAccount");
                store = text(terminal, "store");
            } catch (QueryException.NotFound unknown) {
                if (!call.caller().scope().unrestricted()) {
                    throw unknown;
                }
            }
        }
        AlertScope scope = AlertScope.newBuilder().setPoiid(poiid).setMerchantAccount(merchantAccount).setStore(store)
                .setAlertType(text(body, "type")).build();
        if (!InScope.target(call.caller(), scope)) {
            throw new QueryException.Forbidden(merchantAccount == null
                    ? "Only a caller who sees the whole fleet can silence an alert type everywhere; name a merchant account or store of your scope"
                    : "Your scope does not cover " + (store == null ? "merchant account " + merchantAccount : "store " + merchantAccount + "/" + store)
                    + "; you can silence only merchant accounts and stores you see");
        }
        return scope;
    }

    private Reply end(HttpCall call, String silenceId) throws QueryException {
        AlertOperation silence = silence(call.caller(), silenceId);
        Instant now = now();
        if (!Silences.activeAt(silence, now)) {
            throw new QueryException.Conflict("Silence " + silenceId + " has already ended");
        }
        AlertOperation ended = Silences.ended(silence, call.caller().subject(), now);
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
