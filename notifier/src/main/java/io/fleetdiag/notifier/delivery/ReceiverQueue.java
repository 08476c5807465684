package io.fleetdiag.notifier.delivery;

import io.fleetdiag.notifier.receivers.DeliveryFailure;
import io.fleetdiag.notifier.receivers.Receiver;
import io.fleetdiag.notifier.routing.Routing;
import io.fleetdiag.service.retry.Backoff;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One receiver's queue and its own thread: deliveries in arrival order, a failed one retried with
 * backoff before the next is tried, so the order per alert holds, and a slow or dead receiver holds
 * back only its own queue. Given up on after {@code giveUpAfter} of failing, or at once when refused.
 * A delivery in progress when the queue stops calls neither callback: its record is not committed and
 * is read again after the restart.
 */
public final class ReceiverQueue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiverQueue.class);
    private static final Duration IDLE_TICK = Duration.ofMillis(500);

    private final Receiver receiver;
    private final Backoff backoff;
    private final Duration giveUpAfter;
    private final Clock clock;
    private final LinkedBlockingQueue<Delivery> incoming = new LinkedBlockingQueue<>();
    private final GroupBuffer groups;
    private final AtomicInteger buffered = new AtomicInteger();
    private final ReceiverMetrics metrics;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;

    public ReceiverQueue(Receiver receiver, Routing.Grouping grouping, Backoff backoff, Duration giveUpAfter, MeterRegistry registry,
                         Clock clock) {
        this.receiver = receiver;
        this.backoff = backoff;
        this.giveUpAfter = giveUpAfter;
        this.clock = clock;
        this.groups = new GroupBuffer(grouping);
        this.metrics = new ReceiverMetrics(registry, receiver.name(), this::backlog);
        this.thread = new Thread(this::run, "notifier-" + receiver.name());
        thread.setDaemon(true);
        thread.start();
    }

    public String name() {
        return receiver.name();
    }

    public Receiver receiver() {
        return receiver;
    }

    public void submit(Delivery delivery) {
        incoming.add(delivery);
    }

    /** Deliveries waiting, grouped ones included: the loop pauses reading while a receiver's backlog is over capacity. */
    public int backlog() {
        return incoming.size() + buffered.get();
    }

    private void run() {
        while (stopped.getCount() > 0) {
            try {
                Instant now = clock.instant();
                Duration wait = groups.nextDue().map(due -> Duration.between(now, due)).filter(left -> left.compareTo(IDLE_TICK) < 0)
                        .orElse(IDLE_TICK);
                Delivery next = incoming.poll(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS);
                if (next != null && receiver.grouped()) {
                    groups.add(next, clock.instant());
                } else if (next != null) {
                    attempt(next);
                }
                for (Delivery group : groups.due(clock.instant())) {
                    attempt(group);
                }
                buffered.set(groups.size());
                receiver.idle(clock.instant());
            } catch (InterruptedException e) {
                return;
            } catch (DeliveryFailure e) {
                if (stopped.getCount() == 0) {
                    return;
                }
                metrics.retried();
                LOG.warn("Receiver {}: periodic resend failed, tried again at the next interval: {}", receiver.name(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("Receiver {}: unexpected error; the queue goes on", receiver.name(), e);
            }
        }
    }

    private void attempt(Delivery delivery) throws InterruptedException {
        Instant first = clock.instant();
        for (int attempts = 1; stopped.getCount() > 0; attempts++) {
            try {
                receiver.deliver(delivery.batch());
                metrics.sent(delivery.batch().size(), Duration.between(delivery.enqueuedAt(), clock.instant()));
                delivery.delivered().run();
                return;
            } catch (DeliveryFailure failure) {
                boolean tooLong = Duration.between(first, clock.instant()).compareTo(giveUpAfter) >= 0;
                if (!failure.retriable() || tooLong) {
                    String reason = "receiver " + receiver.name() + (failure.retriable() ? " failed for " + giveUpAfter + ", last: " : " refused: ")
                            + failure.getMessage();
                    LOG.error("{}; {} notification(s) dead-lettered", reason, delivery.batch().size());
                    metrics.failed(delivery.batch().size());
                    delivery.gaveUp().accept(reason);
                    return;
                }
                metrics.retried();
                Duration delay = backoff.after(attempts, failure.retryAfter().orElse(null));
                LOG.warn("Receiver {}: attempt {} failed, next in {} ms: {}", receiver.name(), attempts, delay.toMillis(), failure.getMessage());
                if (stopped.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopped.countDown();
        thread.interrupt();
        thread.join(Duration.ofSeconds(10).toMillis());
    }
}
