package io.fleetdiag.dispatcher;

import io.fleetdiag.dispatcher.checks.PendingCheck;
import io.fleetdiag.dispatcher.checks.TerminalLanes;
import io.fleetdiag.dispatcher.offsets.CallsEndBy;
import io.fleetdiag.dispatcher.offsets.OffsetTracker;
import io.fleetdiag.dispatcher.ratelimit.MerchantRateLimiter;
import io.fleetdiag.dispatcher.results.ResultFactory;
import io.fleetdiag.dispatcher.retry.Backoff;
import io.fleetdiag.schemas.DeadLetter;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.service.ConfigurationException;
import io.fleetdiag.service.KafkaSettings;
import io.fleetdiag.terminalapi.CallOutcome;
import io.fleetdiag.terminalapi.DiagnosisAnswer;
import io.fleetdiag.terminalapi.DiagnosisCall;
import io.fleetdiag.terminalapi.TerminalApiClient;
import io.fleetdiag.terminalapi.request.ServiceIdGenerator;
import io.fleetdiag.topics.DeadLetters;
import io.fleetdiag.topics.Topic;
import io.fleetdiag.topics.TopicCatalog;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes check requests and retries, calls the Terminal API, and publishes a result for every
 * check it finishes. One loop thread owns all state; answers and broker acknowledgements come back
 * to it as events. Per terminal at most one call is in flight (further requests merge into it or
 * wait behind it), over all terminals at most {@code max-in-flight}. Retry-later answers go to the
 * retries topic with a backoff, so a busy terminal never holds up its partition and a restart loses
 * no pending retry. Offsets are committed only up to the first record whose result or retry the
 * broker has not yet acknowledged.
 */
public final class DiagnosisDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DiagnosisDispatcher.class);
    private static final String APPLICATION = "diagnosis-dispatcher";
    private static final Duration IDLE_POLL = Duration.ofMillis(20);
    private static final Duration COMMITTED_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RESEND_DELAY = Duration.ofSeconds(1);

    private record Timed(long atMillis, Runnable task) {
    }

    private final DispatcherSettings settings;
    private final TopicCatalog catalog;
    private final TerminalApiClient adyen;
    private final Clock clock;
    private final Consumer<RuntimeException> fatal;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final DispatcherMetrics metrics;
    private final ServiceIdGenerator serviceIds = new ServiceIdGenerator();
    private final Backoff backoff;
    private final MerchantRateLimiter rateLimiter;

    private final Map<TopicPartition, OffsetTracker> trackers = new HashMap<>();
    private final TerminalLanes lanes = new TerminalLanes();
    private final ArrayDeque<String> ready = new ArrayDeque<>();
    private final Set<String> readySet = new HashSet<>();
    private final PriorityQueue<Timed> timers = new PriorityQueue<>((a, b) -> Long.compare(a.atMillis(), b.atMillis()));
    private final BlockingQueue<Runnable> events = new LinkedBlockingQueue<>();
    private final Map<String, PendingCheck> inFlight = new HashMap<>();
    /** Partition numbers whose former owner may still have calls running, and until when. */
    private final Map<Integer, Long> heldUntil = new HashMap<>();
    private int unacknowledgedSends;
    private boolean paused;
    private long lastCommitMillis;
    private volatile boolean running = true;
    private volatile Duration closeGrace;
    private final Thread loop;
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();

    /**
     * @param fatal told when the service cannot go on (a refused API key); the caller then stops the dispatcher
     */
    public DiagnosisDispatcher(DispatcherSettings settings, KafkaSettings kafka, TopicCatalog catalog, TerminalApiClient adyen,
                               MeterRegistry registry, Clock clock, Consumer<RuntimeException> fatal) {
        this.settings = settings;
        this.catalog = catalog;
        this.adyen = adyen;
        this.clock = clock;
        this.fatal = fatal;
        this.closeGrace = settings.shutdownGrace();
        Map<String, Object> consumerConfig = new HashMap<>(kafka.consumer(settings.groupId()));
        // the same partition of both topics holds the same terminals: range assignment keeps them on one instance
        consumerConfig.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
        this.consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.producer = new KafkaProducer<>(kafka.producer(), new StringSerializer(), new ByteArraySerializer());
        this.metrics = new DispatcherMetrics(registry);
        this.backoff = new Backoff(settings.retryBase(), settings.retryMax(), new SplittableRandom());
        this.rateLimiter = new MerchantRateLimiter(settings.merchantRate());
        this.loop = new Thread(this::run, "dispatcher-loop");
    }

    public void start() {
        loop.start();
    }

    // ---------------------------------------------------------------- the loop

    private void run() {
        try {
            consumer.subscribe(List.of(catalog.checkRequests().name(), catalog.checkRetries().name()), new Rebalance());
            while (running) {
                step();
            }
            drain(closeGrace);
            commitHandingOver(trackers.keySet());
        } catch (RuntimeException e) {
            LOG.error("The dispatcher loop failed", e);
            fatal.accept(e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
            producer.close(Duration.ofSeconds(5));
            stopped.complete(null);
        }
    }

    private void step() {
        runEvents();
        runTimers();
        startCalls();
        applyBackpressure();
        boolean busy = !events.isEmpty() || (!ready.isEmpty() && inFlight.size() < settings.maxInFlight());
        Duration pollTimeout = busy ? Duration.ZERO : IDLE_POLL;
        if (!busy && inFlight.size() >= settings.maxInFlight()) {
            // every slot is taken: wait for an answer rather than for records, so a freed slot is used at once
            awaitEvent();
            pollTimeout = Duration.ZERO;
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(pollTimeout)) {
            accept(record);
        }
        startCalls();
        if (clock.millis() - lastCommitMillis >= settings.commitInterval().toMillis()) {
            commit();
        }
        metrics.inFlight.set(inFlight.size());
        metrics.queued.set(lanes.waitingCount());
        metrics.delayed.set(timers.size());
    }

    private void awaitEvent() {
        try {
            Runnable event = events.poll(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
            if (event != null) {
                event.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void runEvents() {
        for (Runnable event = events.poll(); event != null; event = events.poll()) {
            event.run();
        }
    }

    private void runTimers() {
        long now = clock.millis();
        while (!timers.isEmpty() && timers.peek().atMillis() <= now) {
            timers.poll().task().run();
        }
    }

    private void later(Instant at, Runnable task) {
        timers.add(new Timed(at.toEpochMilli(), task));
    }

    // ---------------------------------------------------------------- reading requests

    private void accept(ConsumerRecord<byte[], byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        OffsetTracker tracker = trackers.computeIfAbsent(partition, key -> new OffsetTracker());
        tracker.read(record.offset());
        DiagnosisCheckRequest request;
        try {
            request = topicOf(record.topic()).valueSerde().deserializer().deserialize(record.topic(), record.headers(), record.value());
            if (request == null) {
                throw new SerializationException("record has no value");
            }
        } catch (RuntimeException e) {
            deadLetter(record, e, () -> tracker.finished(record.offset()));
            return;
        }
        PendingCheck check = PendingCheck.of(request, new PendingCheck.Source(partition, record.offset()), settings.checkDeadline());
        Long held = heldUntil.get(partition.partition());
        if (held != null && held > clock.millis()) {
            check.deferUntil(Instant.ofEpochMilli(held));
        }
        switch (lanes.offer(check)) {
            case WAITING -> schedule(check.poiid());
            case MERGED_INTO_WAITING, JOINED_IN_FLIGHT -> metrics.coalesced();
        }
    }

    private Topic<String, DiagnosisCheckRequest> topicOf(String name) {
        return name.equals(catalog.checkRetries().name()) ? catalog.checkRetries() : catalog.checkRequests();
    }

    /** Puts the terminal's waiting check in line for a call, now or when its retry time comes. */
    private void schedule(String poiid) {
        lanes.startable(poiid).ifPresent(check -> {
            if (check.notBefore().isAfter(clock.instant())) {
                later(check.notBefore(), () -> schedule(poiid));
            } else if (readySet.add(poiid)) {
                ready.add(poiid);
            }
        });
    }

    // ---------------------------------------------------------------- calling terminals

    private void startCalls() {
        while (running && inFlight.size() < settings.maxInFlight() && !ready.isEmpty()) {
            String poiid = ready.poll();
            readySet.remove(poiid);
            PendingCheck check = lanes.startable(poiid).orElse(null);
            if (check == null) {
                continue;
            }
            if (check.notBefore().isAfter(clock.instant())) {
                later(check.notBefore(), () -> schedule(poiid));
                continue;
            }
            long waitNanos = rateLimiter.take(check.request().getMerchantAccount(), System.nanoTime());
            if (waitNanos > 0) {
                later(clock.instant().plusNanos(waitNanos), () -> schedule(poiid));
                continue;
            }
            call(lanes.start(poiid));
        }
    }

    private void call(PendingCheck check) {
        Instant now = clock.instant();
        DiagnosisCheckRequest request = check.request();
        if (now.isAfter(check.deadline())) {
            String last = request.getLastFailure() == null ? "" : "; last: " + request.getLastFailure();
            publishResult(check, ResultFactory.gaveUp(check, null, null, settings.saleId(), now,
                    "deadline " + check.deadline() + " passed before the next attempt" + last));
            release(check, null);
            return;
        }
        String serviceId = serviceIds.next();
        inFlight.put(check.poiid(), check);
        adyen.diagnose(new DiagnosisCall(check.poiid(), request.getMerchantAccount(), request.getHostDiagnosis(), serviceId, settings.saleId()))
                .whenComplete((answer, error) -> events.add(() -> answered(check, serviceId, answer != null ? answer
                        : DiagnosisAnswer.failure(CallOutcome.RETRY_LATER, null, "call failed: " + error, null, Duration.ZERO))));
    }

    private void answered(PendingCheck check, String serviceId, DiagnosisAnswer answer) {
        inFlight.remove(check.poiid());
        metrics.answered(answer.outcome().name(), answer.latency());
        Instant now = clock.instant();
        if (answer.outcome() == CallOutcome.UNAUTHORIZED) {
            running = false;
            closeGrace = Duration.ZERO;
            fatal.accept(new ConfigurationException("Adyen refused the dispatcher's diagnosis request (" + answer.message()
                    + "). The API key in ADYEN_API_KEY is wrong, belongs to the other environment (test or live), or lacks the"
                    + " role for the Terminal API. Checks not yet finished stay uncommitted and run again after a restart."));
            return;
        }
        Instant retryAt = null;
        if (answer.outcome() == CallOutcome.RETRY_LATER) {
            int attempts = check.request().getAttempt() + 1;
            retryAt = now.plus(backoff.after(attempts, answer.retryAfter()));
            if (answer.mayStillRun() && retryAt.isBefore(now.plus(settings.callTimeout()))) {
                // the terminal may still be on the request we gave up on: one request at a time, also then
                retryAt = now.plus(settings.callTimeout());
            }
            if (attempts >= settings.maxAttempts()) {
                publishResult(check, ResultFactory.gaveUp(check, answer, serviceId, settings.saleId(), now,
                        "gave up after " + attempts + " attempts; last: " + answer.message()));
            } else if (retryAt.isAfter(check.deadline())) {
                publishResult(check, ResultFactory.gaveUp(check, answer, serviceId, settings.saleId(), now,
                        "deadline " + check.deadline() + " comes before the next attempt; last: " + answer.message()));
            } else {
                metrics.retried();
                send(catalog.checkRetries(), check.poiid(), check.retry(attempts, retryAt, answer.message()), now,
                        () -> finishSources(check));
            }
        } else {
            publishResult(check, ResultFactory.finished(check, answer, serviceId, settings.saleId(), now));
        }
        release(check, retryAt);
    }

    /** Frees the terminal; a check waiting behind may go, but not before the terminal's retry time. */
    private void release(PendingCheck check, Instant retryAt) {
        lanes.finish(check.poiid()).ifPresent(waiting -> {
            if (retryAt != null) {
                waiting.deferUntil(retryAt);
            }
            schedule(check.poiid());
        });
    }

    private void publishResult(PendingCheck check, DiagnosisResult result) {
        metrics.finished(result.getOutcome().name());
        send(catalog.results(), check.poiid(), result, result.getCompletedAt(), () -> finishSources(check));
    }

    private void finishSources(PendingCheck check) {
        for (PendingCheck.Source source : check.sources()) {
            OffsetTracker tracker = trackers.get(source.partition());
            if (tracker != null) {
                tracker.finished(source.offset());
            }
        }
    }

    // ---------------------------------------------------------------- writing

    private <V> void send(Topic<String, V> topic, String key, V value, Instant timestamp, Runnable onAcknowledged) {
        byte[] bytes;
        try {
            bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        } catch (SerializationException e) {
            sendLater(topic, key, value, timestamp, onAcknowledged, "Cannot serialize for " + topic.name() + " (" + e.getMessage() + ")");
            return;
        }
        unacknowledgedSends++;
        try {
            producer.send(new ProducerRecord<>(topic.name(), null, timestamp.toEpochMilli(), key, bytes), (metadata, error) ->
                    events.add(() -> {
                        unacknowledgedSends--;
                        if (error == null) {
                            onAcknowledged.run();
                        } else {
                            sendLater(topic, key, value, timestamp, onAcknowledged, "Writing to " + topic.name() + " failed (" + error + ")");
                        }
                    }));
        } catch (KafkaException e) {
            unacknowledgedSends--;
            sendLater(topic, key, value, timestamp, onAcknowledged, "Writing to " + topic.name() + " failed (" + e + ")");
        }
    }

    /** A write that failed is tried again after a pause; its source offsets stay uncommitted until it lands. */
    private <V> void sendLater(Topic<String, V> topic, String key, V value, Instant timestamp, Runnable onAcknowledged, String why) {
        LOG.warn("{}; trying again in {}", why, RESEND_DELAY);
        later(clock.instant().plus(RESEND_DELAY), () -> send(topic, key, value, timestamp, onAcknowledged));
    }

    private void deadLetter(ConsumerRecord<byte[], byte[]> record, RuntimeException error, Runnable onAcknowledged) {
        metrics.deadLettered();
        LOG.warn("Record {}-{}@{} cannot be read; it goes to {}: {}", record.topic(), record.partition(), record.offset(),
                catalog.deadLetters().name(), DeadLetters.reason(error));
        DeadLetter letter = DeadLetters.letter(APPLICATION,
                new DeadLetters.Source(record.topic(), record.partition(), record.offset(), record.timestamp()),
                record.key(), record.value(), record.headers(), error, clock.instant());
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        send(catalog.deadLetters(), key, letter, clock.instant(), onAcknowledged);
    }

    // ---------------------------------------------------------------- offsets, backpressure, rebalancing

    /**
     * Every commit interval, also when no offset moved: the metadata renews the promise of when the
     * calls this instance may start before the next commit will have ended.
     */
    private void commit() {
        lastCommitMillis = clock.millis();
        Instant callsEndBy = clock.instant().plus(settings.commitInterval()).plus(settings.callTimeout());
        Map<TopicPartition, OffsetAndMetadata> offsets = committable(trackers.keySet(), partition -> callsEndBy);
        if (!offsets.isEmpty()) {
            consumer.commitAsync(offsets, (committed, error) -> {
                if (error != null) {
                    LOG.warn("Committing offsets failed; the next commit covers them: {}", error.toString());
                }
            });
        }
    }

    /** The last commit of partitions this instance gives up: "now" where none of its calls is left. */
    private void commitHandingOver(Collection<TopicPartition> partitions) {
        Instant now = clock.instant();
        Instant abandoned = now.plus(settings.callTimeout());
        Map<TopicPartition, OffsetAndMetadata> offsets = committable(partitions,
                partition -> inFlight.values().stream().anyMatch(check -> touches(check, Set.of(partition.partition()))) ? abandoned : now);
        if (!offsets.isEmpty()) {
            consumer.commitSync(offsets);
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> committable(Collection<TopicPartition> partitions,
                                                               Function<TopicPartition, Instant> callsEndBy) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetTracker tracker = trackers.get(partition);
            if (tracker != null && tracker.committable() >= 0) {
                offsets.put(partition, new OffsetAndMetadata(tracker.committable(), CallsEndBy.metadata(callsEndBy.apply(partition))));
            }
        }
        return offsets;
    }

    private static boolean touches(PendingCheck check, Set<Integer> partitions) {
        return check.sources().stream().anyMatch(source -> partitions.contains(source.partition().partition()));
    }

    private void applyBackpressure() {
        int queued = lanes.waitingCount();
        if (!paused && queued > settings.queueHighWater()) {
            consumer.pause(consumer.assignment());
            paused = true;
            LOG.info("{} checks queued: pausing consumption until half of them are done", queued);
        } else if (paused && queued < settings.queueHighWater() / 2) {
            consumer.resume(consumer.paused());
            paused = false;
        }
    }

    /** Waits up to {@code grace} for calls in flight and their results; what is unfinished stays uncommitted. */
    private void drain(Duration grace) {
        consumer.pause(consumer.assignment());
        long deadline = System.nanoTime() + grace.toNanos();
        while ((!inFlight.isEmpty() || unacknowledgedSends > 0) && System.nanoTime() < deadline) {
            runEvents();
            runTimers();
            consumer.poll(IDLE_POLL);
        }
        runEvents();
        if (!inFlight.isEmpty()) {
            LOG.info("Stopping with {} calls unanswered; their checks run again after the restart", inFlight.size());
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            partitions.forEach(partition -> trackers.putIfAbsent(partition, new OffsetTracker()));
            if (partitions.isEmpty()) {
                return;
            }
            long now = clock.millis();
            consumer.committed(new HashSet<>(partitions), COMMITTED_TIMEOUT).forEach((partition, committed) -> {
                long until = committed == null ? 0 : CallsEndBy.parse(committed.metadata()).map(Instant::toEpochMilli).orElse(0L);
                if (until > now) {
                    heldUntil.merge(partition.partition(), until, Math::max);
                    LOG.info("{} comes from an instance that stopped with calls unanswered: its terminals wait until {}"
                            + " so none gets a second request while on the first", partition, Instant.ofEpochMilli(until));
                }
            });
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            // let calls to the leaving terminals end here first, so the next owner never calls a terminal we are still calling
            Set<Integer> leaving = new HashSet<>();
            partitions.forEach(partition -> leaving.add(partition.partition()));
            long deadline = System.nanoTime() + settings.shutdownGrace().toNanos();
            while (System.nanoTime() < deadline && (unacknowledgedSends > 0
                    || inFlight.values().stream().anyMatch(check -> touches(check, leaving)))) {
                awaitEvent();
            }
            runEvents();
            try {
                commitHandingOver(partitions);
            } catch (KafkaException e) {
                LOG.warn("Committing revoked partitions failed; their unfinished checks run again on the next owner: {}", e.toString());
            }
            forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            forget(partitions);
        }

        private void forget(Collection<TopicPartition> partitions) {
            Set<Integer> leaving = new HashSet<>();
            partitions.forEach(partition -> {
                trackers.remove(partition);
                leaving.add(partition.partition());
                heldUntil.remove(partition.partition());
            });
            lanes.waiting().forEach((poiid, check) -> {
                if (touches(check, leaving)) {
                    lanes.dropWaiting(poiid);
                }
            });
        }

    }

    // ---------------------------------------------------------------- stopping

    /** Stops taking work, waits up to {@code grace} for calls in flight, commits what is finished. */
    public void close(Duration grace) throws InterruptedException {
        closeGrace = grace;
        running = false;
        loop.join(grace.plusSeconds(30).toMillis());
    }

    @Override
    public void close() throws InterruptedException {
        close(settings.shutdownGrace());
    }

    public boolean stopped() {
        return stopped.isDone();
    }
}
