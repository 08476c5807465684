package io.fleetdiag.poller.webhooks;

import io.fleetdiag.poller.events.UnreadableBody;
import io.fleetdiag.poller.inventory.TerminalUpdate;
import io.fleetdiag.poller.events.Acknowledged;
import io.fleetdiag.service.http.HttpCall;
import io.fleetdiag.service.http.Permission;
import io.fleetdiag.service.http.Reply;
import io.fleetdiag.service.http.Route;
import io.fleetdiag.topics.TopicCatalog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /management-webhooks}: Adyen's Management webhooks for terminals ({@code terminalAssignment.completed},
 * {@code terminalBoarding.triggered}, {@code terminalSettings.modified}), on the events listener. The {@code HmacSignature}
 * is checked before anything is read (401 with the reason, counted); a signed body is handed to the inventory source,
 * which writes the terminal's record at once, and is acknowledged with {@code [accepted]} only once the broker has it
 * (503 otherwise, so Adyen retries). A signed body that is none of these webhooks is dead-lettered with its reason and
 * answered 400.
 */
public final class ManagementWebhooksEndpoint implements AutoCloseable {

    public static final String PATH = "/management-webhooks";
    private static final Logger LOG = LoggerFactory.getLogger(ManagementWebhooksEndpoint.class);

    private final HmacSignature signature;
    private final Function<TerminalUpdate, CompletableFuture<Boolean>> inventory;
    private final Acknowledged writes;
    private final Clock clock;
    private final Counter applied;
    private final Counter unchanged;
    private final Counter refused;
    private final Counter malformed;

    /** {@code inventory} writes an update and completes with whether a record went out, once the broker acknowledged it. */
    public ManagementWebhooksEndpoint(WebhooksSettings settings, Function<TerminalUpdate, CompletableFuture<Boolean>> inventory,
                                      TopicCatalog catalog, Producer<String, byte[]> producer, MeterRegistry metrics, Clock clock) {
        this.signature = new HmacSignature(settings.hmacKey());
        this.inventory = inventory;
        this.writes = new Acknowledged(producer, catalog.deadLetters());
        this.clock = clock;
        this.applied = counter(metrics, "applied");
        this.unchanged = counter(metrics, "unchanged");
        this.refused = counter(metrics, "bad_signature");
        this.malformed = counter(metrics, "malformed");
    }

    private static Counter counter(MeterRegistry metrics, String outcome) {
        return Counter.builder("fleetdiag_poller_management_webhooks").tag("outcome", outcome)
                .description("Management webhooks received, by outcome").register(metrics);
    }

    public List<Route> routes() {
        return routes(this::receive);
    }

    /** The route table answered by {@code handler}; the API docs are made from it. */
    public static List<Route> routes(Route.Deferred handler) {
        return List.of(Route.later("POST", PATH, Permission.PUBLIC, "Adyen's Management webhooks terminalAssignment.completed,"
                + " terminalBoarding.triggered, terminalSettings.modified, signed in `HmacSignature`: `[accepted]` once the terminal's"
                + " record is on the inventory topic; 401 unsigned or badly signed, 400 malformed (dead-lettered), 413 too large", handler));
    }

    CompletionStage<Reply> receive(HttpCall call) {
        Optional<String> refusal = signature.refusal(call.body(), call.header(HmacSignature.HEADER));
        if (refusal.isPresent()) {
            refused.increment();
            LOG.warn("Refused a Management webhook: {}", refusal.get());
            return CompletableFuture.completedFuture(Reply.error(401, refusal.get()));
        }
        Optional<TerminalUpdate> update;
        try {
            update = ManagementWebhookReader.read(call.body());
        } catch (UnreadableBody e) {
            malformed.increment();
            return writes.deadLetter(call, PATH, e.poiid(), e, clock.instant()).handle((written, error) -> {
                if (error != null) {
                    LOG.warn("Could not dead-letter a malformed Management webhook", error);
                }
                return Reply.error(400, "Not a terminal Management webhook: " + e.getMessage());
            });
        }
        if (update.isEmpty()) {
            unchanged.increment();
            return CompletableFuture.completedFuture(Reply.text(200, "[accepted]"));
        }
        return inventory.apply(update.get()).handle((written, error) -> {
            if (error != null) {
                LOG.warn("The {} of {} was not written; Adyen retries it", update.get().type(), update.get().poiid(), error);
                return Reply.error(503, "The webhook could not be stored; send it again");
            }
            (written ? applied : unchanged).increment();
            return Reply.text(200, "[accepted]");
        });
    }

    @Override
    public void close() {
        writes.close();
    }
}
