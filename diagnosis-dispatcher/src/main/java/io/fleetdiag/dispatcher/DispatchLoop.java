package io.fleetdiag.dispatcher;

import io.fleetdiag.dispatcher.checks.CallQueue;
import io.fleetdiag.dispatcher.checks.PendingCheck;
import io.fleetdiag.dispatcher.checks.TerminalLanes;
import io.fleetdiag.dispatcher.loop.EventQueue;
import io.fleetdiag.dispatcher.offsets.CommitCoordinator;
import io.fleetdiag.dispatcher.ratelimit.MerchantRateLimiter;
import io.fleetdiag.dispatcher.resend.ResendingWriter;
import io.fleetdiag.dispatcher.results.ResultFactory;
import io.fleetdiag.dispatcher.retry.RetryDecision;
import io.fleetdiag.dispatcher.retry.RetryPolicy;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.service.ConfigurationException;
import io.fleetdiag.service.GroupAssignment;
import io.fleetdiag.service.retry.Backoff;
import io.fleetdiag.terminalapi.CallOutcome;
import io.fleetdiag.terminalapi.DiagnosisAnswer;
import io.fleetdiag.terminalapi.DiagnosisCall;
import io.fleetdiag.terminalapi.TerminalApiClient;
import io.fleetdiag.terminalapi.request.ServiceIdGenerator;
import io.fleetdiag.topics.TopicCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher's loop, one step at a time, on the thread that owns all its state: events and due
 * timers, calls into free slots, backpressure, a poll, the periodic commit. Per terminal at most one
 * call is in flight (further requests merge into it or wait behind it), over all terminals at most
 * {@code max-in-flight}. Retry-later answers go to the retries topic with a backoff, so a busy
 * terminal never holds up its partition and a restart loses no pending retry. Tests drive
 * {@link #step()} directly with a MockConsumer, a MockProducer and a fixed clock.
 */
final class DispatchLoop {

    private static final Logger LOG = LoggerFactory.getLogger(DispatchLoop.class);
    private static final Duration IDLE_POLL = Duration.ofMillis(20);
    private static final Duration RESEND_DELAY = Duration.ofSeconds(1);

    private final DispatcherSettings settings;
    private final TopicCatalog catalog;
    private final TerminalApiClient adyen;
    private final DispatcherMetrics metrics;
    private final Clock clock;
    private final java.util.function.Consumer<RuntimeException> fatal;
    private final Consumer<byte[], byte[]> consumer;
    private final ServiceIdGenerator serviceIds = new ServiceIdGenerator();
    private final Backoff backoff;
    private final RetryPolicy retryPolicy;
    private final EventQueue loop;
    private final TerminalLanes lanes = new TerminalLanes();
    private final CallQueue calls;
    private final CommitCoordinator commits;
    private final ResendingWriter writer;
    private final RecordIntake intake;
    private final Map<String, PendingCheck> inFlight = new HashMap<>();
    private final Backpressure backpressure;
    private volatile boolean running = true;
    private volatile Duration closeGrace;

    DispatchLoop(DispatcherSettings settings, TopicCatalog catalog, TerminalApiClient adyen, DispatcherMetrics metrics, Clock clock,
                 RandomGenerator random, java.util.function.Consumer<RuntimeException> fatal, Consumer<byte[], byte[]> consumer,
                 Producer<String, byte[]> producer) {
        this.settings = settings;
        this.catalog = catalog;
        this.adyen = adyen;
        this.metrics = metrics;
        this.clock = clock;
        this.fatal = fatal;
        this.consumer = consumer;
        this.closeGrace = settings.shutdownGrace();
        this.backoff = Backoff.jittered(settings.retryBase(), settings.retryMax(), random);
        this.retryPolicy = RetryPolicy.of(settings);
        this.loop = new EventQueue(clock);
        this.calls = new CallQueue(lanes, new MerchantRateLimiter(settings.merchantRate()), loop, clock);
        this.commits = new CommitCoordinator(settings.commitInterval(), settings.callTimeout());
        this.writer = new ResendingWriter(producer, loop, clock, RESEND_DELAY, catalog.deadLetters(), RecordIntake.APPLICATION,
                metrics::deadLettered);
        this.backpressure = new Backpressure(consumer, settings.queueHighWater());
        this.intake = new RecordIntake(settings, catalog, clock, metrics, lanes, calls, commits, writer);
    }

    void subscribe(GroupAssignment ownership) {
        consumer.subscribe(List.of(catalog.checkRequests().name(), catalog.checkRetries().name()),
                new Handover(this, consumer, commits, lanes, clock, settings.shutdownGrace(), ownership));
    }

    void step() {
        loop.runEvents();
        loop.runDueTimers();
        startCalls();
        backpressure.apply(lanes.waitingCount());
        boolean busy = loop.hasEvents() || (calls.hasReady() && inFlight.size() < settings.maxInFlight());
        Duration pollTimeout = busy ? Duration.ZERO : IDLE_POLL;
        if (!busy && inFlight.size() >= settings.maxInFlight()) {
            // every slot is taken: wait for an answer rather than for records, so a freed slot is used at once
            awaitEvent();
            pollTimeout = Duration.ZERO;
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(pollTimeout)) {
            intake.accept(record);
        }
        startCalls();
        Map<TopicPartition, OffsetAndMetadata> offsets = commits.periodic(clock.instant());
        if (!offsets.isEmpty()) {
            consumer.commitAsync(offsets, (committed, error) -> {
                if (error != null) {
                    LOG.warn("Committing offsets failed; the next commit covers them: {}", error.toString());
                }
            });
        }
        metrics.gauges(inFlight.size(), lanes.waitingCount(), loop.timerCount());
    }

    boolean running() {
        return running;
    }

    /** Asks the loop to stop; {@link #finish} then waits up to {@code grace} for calls in flight. */
    void stop(Duration grace) {
        closeGrace = grace;
        running = false;
    }

    /** After the last step: waits up to the grace for calls in flight and their results, commits what is finished. */
    void finish() {
        consumer.pause(consumer.assignment());
        Instant deadline = clock.instant().plus(closeGrace);
        while ((!inFlight.isEmpty() || writer.unacknowledged() > 0) && clock.instant().isBefore(deadline)) {
            loop.runEvents();
            loop.runDueTimers();
            consumer.poll(IDLE_POLL);
        }
        loop.runEvents();
        if (!inFlight.isEmpty()) {
            LOG.info("Stopping with {} calls unanswered; their checks run again after the restart", inFlight.size());
        }
        commitHandingOver(commits.partitions());
    }

    void awaitEvent() {
        try {
            loop.awaitEvent(IDLE_POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    void runEvents() {
        loop.runEvents();
    }

    /** Whether a call to a terminal of these partition numbers is in flight, or any write is unacknowledged. */
    boolean unsettled(Set<Integer> partitions) {
        return writer.unacknowledged() > 0 || inFlight.values().stream().anyMatch(check -> RecordIntake.touches(check, partitions));
    }

    void commitHandingOver(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = commits.handingOver(partitions, clock.instant(),
                partition -> inFlight.values().stream().anyMatch(check -> RecordIntake.touches(check, Set.of(partition.partition()))));
        if (!offsets.isEmpty()) {
            consumer.commitSync(offsets);
        }
    }

    private void startCalls() {
        while (running && inFlight.size() < settings.maxInFlight()) {
            PendingCheck check = calls.next().orElse(null);
            if (check == null) {
                return;
            }
            call(check);
        }
    }

    private void call(PendingCheck check) {
        Instant now = clock.instant();
        DiagnosisCheckRequest request = check.request();
        RetryDecision.GiveUp late = RetryDecision.beforeCall(check.deadline(), now, request.getLastFailure()).orElse(null);
        if (late != null) {
            if (request.getAttempt() == 0) {
                metrics.expiredUnattempted();
            }
            publishResult(check, ResultFactory.gaveUp(check, null, null, settings.saleId(), now, late.why()));
            release(check, null);
            return;
        }
        String serviceId = serviceIds.next();
        inFlight.put(check.poiid(), check);
        adyen.diagnose(new DiagnosisCall(check.poiid(), request.getMerchantAccount(), request.getHostDiagnosis(), serviceId, settings.saleId()))
                .whenComplete((answer, error) -> loop.post(() -> answered(check, serviceId, answer != null ? answer
                        : DiagnosisAnswer.failure(CallOutcome.RETRY_LATER, null, "call failed: " + error, null, Duration.ZERO))));
    }

    private void answered(PendingCheck check, String serviceId, DiagnosisAnswer answer) {
        inFlight.remove(check.poiid());
        metrics.answered(answer.outcome().name(), answer.latency());
        Instant now = clock.instant();
        int attemptsBefore = check.request().getAttempt();
        RetryDecision decision = RetryDecision.after(new RetryDecision.Attempt(answer.outcome(), answer.message(), attemptsBefore,
                backoff.after(attemptsBefore + 1, answer.retryAfter()), answer.mayStillRun(), now, check.deadline()), retryPolicy);
        if (decision instanceof RetryDecision.Stop) {
            running = false;
            closeGrace = Duration.ZERO;
            fatal.accept(new ConfigurationException("Adyen refused the dispatcher's diagnosis request (" + answer.message()
                    + "). The API key in ADYEN_API_KEY is wrong, belongs to the other environment (test or live), or lacks the"
                    + " role for the Terminal API. Checks not yet finished stay uncommitted and run again after a restart."));
        } else if (decision instanceof RetryDecision.Retry retry) {
            metrics.retried();
            writer.send(catalog.checkRetries(), check.poiid(), check.retry(retry.attemptsMade(), retry.at(), answer.message()), now,
                    () -> finishSources(check));
            release(check, retry.at());
        } else if (decision instanceof RetryDecision.GiveUp giveUp) {
            publishResult(check, ResultFactory.gaveUp(check, answer, serviceId, settings.saleId(), now, giveUp.why()));
            release(check, giveUp.terminalFreeAt().orElse(null));
        } else {
            publishResult(check, ResultFactory.finished(check, answer, serviceId, settings.saleId(), now));
            release(check, null);
        }
    }

    /** Frees the terminal; a check waiting behind may go, but not before the terminal's retry time. */
    private void release(PendingCheck check, Instant retryAt) {
        lanes.finish(check.poiid()).ifPresent(waiting -> {
            if (retryAt != null) {
                waiting.deferUntil(retryAt);
            }
            calls.schedule(check.poiid());
        });
    }

    private void publishResult(PendingCheck check, DiagnosisResult result) {
        metrics.finished(result.getOutcome().name());
        writer.send(catalog.results(), check.poiid(), result, result.getCompletedAt(), () -> finishSources(check));
    }

    private void finishSources(PendingCheck check) {
        check.sources().forEach(source -> commits.finished(source.partition(), source.offset()));
    }
}
