package io.fleetdiag.poller;

import io.fleetdiag.poller.backlog.Backlog;
import io.fleetdiag.poller.backlog.BacklogAlert;
import io.fleetdiag.poller.backlog.DispatchQueue;
import io.fleetdiag.poller.backlog.SweepPacer;
import io.fleetdiag.poller.leadership.LeaseLeadership;
import io.fleetdiag.poller.schedule.CheckSchedule;
import io.fleetdiag.poller.snapshot.SnapshotChunker;
import io.fleetdiag.poller.status.SecondOpinion;
import io.fleetdiag.poller.status.Verdict;
import io.fleetdiag.schemas.ConnectivitySnapshot;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import io.fleetdiag.service.ConfigurationException;
import io.fleetdiag.service.KafkaSettings;
import io.fleetdiag.service.retry.Backoff;
import io.fleetdiag.terminalapi.CallOutcome;
import io.fleetdiag.terminalapi.ConnectedTerminals;
import io.fleetdiag.terminalapi.TerminalApiClient;
import io.fleetdiag.topics.Topic;
import io.fleetdiag.topics.TopicCatalog;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls /connectedTerminals for each scope and, in one Kafka transaction per successful poll,
 * publishes the snapshot (in chunks), the SCHEDULED checks that fell due since the previous poll, and
 * the new schedule watermark. Only the instance holding the lease polls; its transactional producer
 * fences any former leader. The checks sent keep within what the dispatchers serve ({@link Backlog}): a
 * sweep that does not fit stretches, and one held back for long raises DIAGNOSIS_BACKLOG in the same
 * transaction. Over 250 lines: the term, the poll and its one transaction belong together. A failed poll publishes nothing (a failure never looks like "every terminal
 * went offline") and is retried with backoff; a refused API key stops the service.
 */
public final class ConnectivityPoller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectivityPoller.class);
    private static final Duration TICK = Duration.ofMillis(200);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

    private final PollerSettings settings;
    private final KafkaSettings kafka;
    private final TopicCatalog catalog;
    private final TerminalApiClient adyen;
    private final Clock clock;
    private final Consumer<RuntimeException> fatal;
    private final CheckSchedule schedule;
    private final SnapshotChunker chunker;
    private final PollerMetrics metrics;
    /** Failed polls of a scope come back sooner than the poll interval, but not sooner than Adyen asks. */
    private final Backoff backoff;
    private final LeaseLeadership leadership;
    private final Backlog backlog;
    private final Topic<String, Long> scheduleState;
    private final SecondOpinion secondOpinion;
    private final ScheduledExecutorService leader = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "poller-leader");
        thread.setDaemon(true);
        return thread;
    });
    private Term term;

    /**
     * @param fatal told when the service cannot go on (a refused API key); the caller stops the process
     */
    public ConnectivityPoller(PollerSettings settings, KafkaSettings kafka, TopicCatalog catalog, TerminalApiClient adyen,
                              MeterRegistry registry, Clock clock, Consumer<RuntimeException> fatal) {
        this.settings = settings;
        this.kafka = kafka;
        this.catalog = catalog;
        this.adyen = adyen;
        this.clock = clock;
        this.fatal = fatal;
        this.schedule = new CheckSchedule(settings.checkInterval(), settings.checkInterval());
        this.chunker = new SnapshotChunker(settings.chunkSize());
        this.scheduleState = catalog.pollerState();
        // the lease topic's name doubles as the group id: instances sharing the topic compete for it
        String lease = catalog.pollerLease().name();
        this.leadership = new LeaseLeadership(kafka.consumer(lease), lease,
                settings.leaseTimeout(), new LeaseLeadership.Listener() {
                    @Override
                    public void elected() {
                        leader.execute(ConnectivityPoller.this::startTerm);
                    }

                    @Override
                    public void deposed() {
                        // wait until the running poll is done, so two leaders never publish at once
                        awaitOnLeaderThread(ConnectivityPoller.this::endTerm);
                    }
                });
        this.metrics = new PollerMetrics(registry, leadership::leading, settings.scopes().stream().map(Scope::key).toList());
        this.backoff = Backoff.exact(FIRST_RETRY, settings.pollInterval());
        this.secondOpinion = new SecondOpinion(settings.status(), adyen, registry, clock);
        this.backlog = new Backlog(settings.backlog(), settings.checkInterval(), new DispatchQueue(Admin.create(kafka.admin()),
                catalog.checkRequests().name(), settings.backlog().dispatcherGroup()), registry);
    }

    public void start() {
        leadership.start();
    }

    public boolean leading() {
        return leadership.leading();
    }

    /** One leadership term: the transactional producer and each scope's poll state. */
    private final class Term {
        final KafkaProducer<String, byte[]> producer;
        final Map<String, Instant> watermarks;
        final Map<Scope, ScopeState> scopes = new LinkedHashMap<>();
        ScheduledFuture<?> ticking;

        Term(KafkaProducer<String, byte[]> producer, Map<String, Instant> watermarks) {
            this.producer = producer;
            this.watermarks = watermarks;
            settings.scopes().forEach(scope -> scopes.put(scope, new ScopeState()));
        }
    }

    private static final class ScopeState {
        Instant nextPollAt = Instant.EPOCH;
        int failures;
        int lastTerminals = -1;
    }

    private void startTerm() {
        if (term != null) {
            return;
        }
        Map<String, Object> config = new HashMap<>(kafka.producer());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.transactionalId());
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        try {
            producer.initTransactions();
            Map<String, Instant> watermarks = ScheduleWatermarks.read(kafka.consumer(scheduleState.name()), scheduleState);
            backlog.resume(watermarks.remove(BacklogAlert.STATE_KEY));
            secondOpinion.forget();
            term = new Term(producer, watermarks);
            LOG.info("Polling {} every {}, each live terminal checked every {}; schedule resumes from {}",
                    settings.scopes().stream().map(Scope::key).toList(), settings.pollInterval(), settings.checkInterval(), term.watermarks);
            term.ticking = leader.scheduleWithFixedDelay(this::safeRound, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
        } catch (KafkaException e) {
            LOG.error("Could not start polling after taking the lease: {}", e.toString());
            producer.close(Duration.ZERO);
        }
    }

    private void endTerm() {
        if (term == null) {
            return;
        }
        term.ticking.cancel(false);
        term.producer.close(Duration.ofSeconds(5));
        term = null;
    }

    private void awaitOnLeaderThread(Runnable task) {
        try {
            leader.submit(task).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warn("Stopping the poll loop failed", e.getCause());
        } catch (RejectedExecutionException shuttingDown) {
            // close() already stopped the leader thread
        }
    }

    private void safeRound() {
        try {
            round();
        } catch (RuntimeException e) {
            LOG.error("Poll round failed; the next one carries on", e);
        }
    }

    /** Polls every scope that is due, concurrently, then publishes each answer in its own transaction. */
    private void round() {
        if (term == null) {
            return;
        }
        Instant now = clock.instant();
        Map<Scope, CompletableFuture<ConnectedTerminals>> calls = new LinkedHashMap<>();
        term.scopes.forEach((scope, state) -> {
            if (!now.isBefore(state.nextPollAt)) {
                calls.put(scope, adyen.connectedTerminals(scope.merchantAccount(), scope.store(), null));
            }
        });
        if (!calls.isEmpty()) {
            backlog.measure(now);
        }
        // every scope's status questions go out before any waits for its answers
        Map<Scope, CompletableFuture<Verdict>> verdicts = new LinkedHashMap<>();
        calls.forEach((scope, call) -> verdicts.put(scope, call.join().outcome() != CallOutcome.SUCCESS ? null
                : secondOpinion.ask(scope.key(), scope.merchantAccount(), call.join().uniqueTerminalIds())));
        for (Map.Entry<Scope, CompletableFuture<ConnectedTerminals>> call : calls.entrySet()) {
            if (term == null) {
                return;
            }
            CompletableFuture<Verdict> verdict = verdicts.get(call.getKey());
            handle(call.getKey(), term.scopes.get(call.getKey()), now, call.getValue().join(), verdict == null ? null : verdict.join());
        }
    }

    /** @param verdict the second opinion on a successful answer's list; null for a failed answer */
    private void handle(Scope scope, ScopeState state, Instant pollStart, ConnectedTerminals answer, Verdict verdict) {
        if (answer.outcome() == CallOutcome.UNAUTHORIZED) {
            metrics.failed(scope.key(), answer.outcome().name());
            fatal.accept(new ConfigurationException("Adyen refused the poller's /connectedTerminals call for " + scope.key() + " ("
                    + answer.message() + "). The API key in ADYEN_API_KEY is wrong, belongs to the other environment (test or live),"
                    + " or lacks the role for the Terminal API; also check that WebSockets are enabled in the Customer Area"
                    + " (In-person payments > Terminal settings > Integrations)."));
            return;
        }
        if (answer.outcome() != CallOutcome.SUCCESS) {
            state.failures++;
            Duration wait = backoff.after(state.failures, answer.retryAfter());
            state.nextPollAt = clock.instant().plus(wait);
            metrics.failed(scope.key(), answer.outcome().name());
            LOG.warn("Poll of {} failed ({}: {}); no snapshot published; retrying in {} s",
                    scope.key(), answer.outcome(), answer.message(), wait.toSeconds());
            return;
        }
        Instant polledAt = clock.instant();
        List<String> live = answer.uniqueTerminalIds();
        if (live.isEmpty() && state.lastTerminals > 0) {
            LOG.warn("{} had {} connected terminals and now none: WebSockets may have been disabled in the Customer Area,"
                    + " or every terminal is off", scope.key(), state.lastTerminals);
        }
        Instant watermark = term.watermarks.get(scope.key());
        Instant from = backlog.from(scope.key(), watermark, latest(watermark == null ? polledAt.minus(settings.pollInterval()) : watermark,
                polledAt.minus(settings.maxCatchUp())), polledAt);
        List<DiagnosisCheckRequest> due = from.isBefore(polledAt)
                ? schedule.due(live, from, polledAt, scope.merchantAccount(), scope.store())
                : List.of();
        SweepPacer.Paced paced = backlog.pace(due, from, polledAt, polledAt, demand(state, live.size()));
        Optional<BacklogAlert.Edge> edge = backlog.edge(scope.key(), paced, polledAt);
        List<DiagnosisCheckRequest> checks = paced.checks();
        List<ConnectivitySnapshot> chunks = chunker.chunks(scope.key(), scope.merchantAccount(), scope.store(), live,
                verdict.onlineByStatus(), polledAt, answer.latency());
        if (publish(scope, chunks, checks, paced.watermark(), edge, polledAt)) {
            secondOpinion.published(scope.key(), verdict);
            term.watermarks.put(scope.key(), paced.watermark());
            backlog.published(scope.key(), paced, edge, polledAt);
            state.failures = 0;
            state.lastTerminals = live.size();
            state.nextPollAt = pollStart.plus(settings.pollInterval());
            metrics.polled(scope.key(), answer.latency(), live.size());
            metrics.published(scope.key(), chunks.size(), checks.size(), Duration.between(polledAt, clock.instant()));
        } else if (term != null) {
            state.failures++;
            state.nextPollAt = clock.instant().plus(backoff.after(state.failures, null));
        }
    }

    /** Checks per second the schedule asks for: every scope's live terminals (this poll's count for its own) per check interval. */
    private double demand(ScopeState polled, int live) {
        long terminals = live;
        for (ScopeState other : term.scopes.values()) {
            terminals += other == polled ? 0 : Math.max(0, other.lastTerminals);
        }
        return terminals * 1000.0 / settings.checkInterval().toMillis();
    }

    private boolean publish(Scope scope, List<ConnectivitySnapshot> chunks, List<DiagnosisCheckRequest> checks, Instant watermark,
                            Optional<BacklogAlert.Edge> edge, Instant polledAt) {
        KafkaProducer<String, byte[]> producer = term.producer;
        try {
            producer.beginTransaction();
            for (ConnectivitySnapshot chunk : chunks) {
                send(producer, catalog.snapshots(), scope.key(), chunk, polledAt);
            }
            for (DiagnosisCheckRequest check : checks) {
                send(producer, catalog.checkRequests(), check.getPoiid(), check, check.getRequestedAt());
            }
            send(producer, scheduleState, scope.key(), watermark.toEpochMilli(), polledAt);
            if (edge.isPresent()) {
                send(producer, catalog.alerts(), BacklogAlert.KEY, edge.get().alert(), polledAt);
                Instant raisedAt = edge.get().raisedAt();
                send(producer, scheduleState, BacklogAlert.STATE_KEY, raisedAt == null ? null : raisedAt.toEpochMilli(), polledAt);
            }
            producer.commitTransaction();
            return true;
        } catch (ProducerFencedException | InvalidProducerEpochException fenced) {
            LOG.warn("Another poller instance took over ({}); standing by", fenced.getMessage());
            endTerm();
            return false;
        } catch (KafkaException e) {
            LOG.warn("Publishing the poll of {} failed; nothing of it is visible, it is retried: {}", scope.key(), e.toString());
            try {
                producer.abortTransaction();
            } catch (KafkaException abortFailed) {
                endTerm();
                leader.execute(this::startTerm);
            }
            return false;
        }
    }

    private static <V> void send(KafkaProducer<String, byte[]> producer, Topic<String, V> topic, String key, V value, Instant at) {
        producer.send(new ProducerRecord<>(topic.name(), null, at.toEpochMilli(), key,
                topic.valueSerde().serializer().serialize(topic.name(), value)));
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    @Override
    public void close() throws InterruptedException {
        leadership.close();
        awaitOnLeaderThread(this::endTerm);
        leader.shutdownNow();
        backlog.close();
    }
}
