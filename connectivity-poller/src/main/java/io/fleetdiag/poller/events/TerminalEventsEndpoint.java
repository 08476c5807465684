package io.fleetdiag.poller.events;

import io.fleetdiag.schemas.TerminalEvent;
import io.fleetdiag.service.access.Authenticator;
import io.fleetdiag.service.http.HttpCall;
import io.fleetdiag.service.http.HttpEndpoint;
import io.fleetdiag.service.http.HttpPolicy;
import io.fleetdiag.service.http.Permission;
import io.fleetdiag.service.http.Reply;
import io.fleetdiag.service.http.RequestGuard;
import io.fleetdiag.service.http.Route;
import io.fleetdiag.topics.Topic;
import io.fleetdiag.topics.TopicCatalog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /terminal-events}: the terminals' Terminal API event notifications, on a listener of their own
 * ({@code events.port}). Basic auth as the event URL has it (401 otherwise), the body bounded ({@code events.max-body}, 413),
 * each notification written once to terminal-events however often the terminal resends it, and acknowledged with
 * Adyen's {@code [accepted]} only once the broker has it: a terminal whose notification was not stored gets a 503 and
 * resends. A body past auth that is no event notification is dead-lettered with its reason and answered 400.
 */
public final class TerminalEventsEndpoint implements AutoCloseable {

    public static final String PATH = "/terminal-events";
    private static final Logger LOG = LoggerFactory.getLogger(TerminalEventsEndpoint.class);
    private static final int MAX_REMEMBERED = 200_000;

    private final BasicAuth auth;
    private final Deduplication seen;
    private final Topic<String, TerminalEvent> events;
    private final Acknowledged writes;
    private final Clock clock;
    private final Counter accepted;
    private final Counter duplicates;
    private final Counter refused;
    private final Counter malformed;
    private HttpEndpoint http;

    public TerminalEventsEndpoint(EventsSettings settings, TopicCatalog catalog, Producer<String, byte[]> producer, MeterRegistry metrics,
                                  Clock clock) {
        this.auth = new BasicAuth(settings.username(), settings.password());
        this.seen = new Deduplication(settings.dedupWindow(), MAX_REMEMBERED, clock);
        this.events = catalog.terminalEvents();
        this.writes = new Acknowledged(producer, catalog.deadLetters());
        this.clock = clock;
        this.accepted = counter(metrics, "accepted");
        this.duplicates = counter(metrics, "duplicate");
        this.refused = counter(metrics, "unauthenticated");
        this.malformed = counter(metrics, "malformed");
    }

    private static Counter counter(MeterRegistry metrics, String outcome) {
        return Counter.builder("fleetdiag_poller_terminal_events").tag("outcome", outcome)
                .description("Terminal event notifications received, by outcome").register(metrics);
    }

    /** The endpoint's route table: one route, its credential checked by the route itself (basic auth, not the services' bearer tokens). */
    public List<Route> routes() {
        return routes(this::receive);
    }

    /** The route table answered by {@code handler}; the API docs are made from it. */
    public static List<Route> routes(Route.Deferred handler) {
        return List.of(Route.later("POST", PATH, Permission.PUBLIC, "a terminal's EventNotification (SaleToPOIRequest), basic auth of"
                + " its event URL: `[accepted]` once on terminal-events (resends written once); 401 unauthenticated, 400 malformed"
                + " (dead-lettered), 413 too large", handler));
    }

    /** Starts the listener on {@code events.host:events.port}. */
    public void start(EventsSettings settings, Optional<SslContextFactory.Server> tls) throws Exception {
        start(settings, tls, List.of());
    }

    /** As above, with {@code more} routes on the same listener (the Management webhooks), each checking its own credential. */
    public void start(EventsSettings settings, Optional<SslContextFactory.Server> tls, List<Route> more) throws Exception {
        List<Route> all = Stream.concat(routes().stream(), more.stream()).map(route -> route.accepting(settings.maxBody())).toList();
        // terminals and Adyen reach this listener by whatever public name it has, and no browser holds its credentials
        http = HttpEndpoint.start(settings.host(), settings.port(), tls, Authenticator.none(),
                HttpPolicy.defaults().withGuard(RequestGuard.anyHost()), all);
        LOG.info("Terminal event notifications on port {} ({} {})", http.port(), "POST", PATH);
    }

    public int port() {
        return http.port();
    }

    CompletionStage<Reply> receive(HttpCall call) {
        Optional<String> refusal = auth.refusal(call.header("authorization"));
        if (refusal.isPresent()) {
            refused.increment();
            return CompletableFuture.completedFuture(Reply.error(401, refusal.get())
                    .with("WWW-Authenticate", "Basic realm=\"fleetdiag terminal events\", charset=\"UTF-8\""));
        }
        Instant now = clock.instant();
        TerminalEvent event;
        try {
            event = EventNotificationReader.read(call.body(), now);
        } catch (UnreadableBody e) {
            malformed.increment();
            return writes.deadLetter(call, PATH, e.poiid(), e, now).handle((written, error) -> {
                if (error != null) {
                    LOG.warn("Could not dead-letter a malformed terminal event notification", error);
                }
                return Reply.error(400, "Not a Terminal API event notification: " + e.getMessage());
            });
        }
        Deduplication.Write write = seen.write(event.getEventId(), () -> writes.send(events.name(), event.getPoiid(),
                events.valueSerde().serializer().serialize(events.name(), event)));
        (write.first() ? accepted : duplicates).increment();
        return write.written().handle((written, error) -> {
            if (error != null) {
                LOG.warn("Terminal event {} was not written; the terminal resends it", event.getEventId(), error);
                return Reply.error(503, "The notification could not be stored; send it again");
            }
            return Reply.text(200, "[accepted]");
        });
    }

    @Override
    public void close() throws Exception {
        if (http != null) {
            http.close();
        }
        writes.close();
    }
}
