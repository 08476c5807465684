package io.fleetdiag.poller.backlog;

import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import io.fleetdiag.schemas.TerminalAlert;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Back-pressure from the dispatchers to the poller's schedule (issue 23): before a round of polls the
 * dispatchers' queue is read, each scope's due checks are sent as far as the budget allows, a held-back
 * scope's sweep stretches (its next window starts where this one stopped), and a sweep held back for
 * long raises the fleet's one DIAGNOSIS_BACKLOG. Shown as meters, in the log and by the alert. Runs on
 * the poller's leader thread only.
 */
public final class Backlog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Backlog.class);
    private static final Duration LOG_EVERY = Duration.ofMinutes(1);

    private final Duration checkInterval;
    private final DispatchQueue queue;
    private final CheckBudget budget;
    private final SweepPacer pacer;
    private final Duration alertAfter;
    private BacklogAlert alert;
    /** Since when each held-back scope's sweep is behind, and how far, as of its last poll. */
    private final Map<String, Instant> behindSince = new HashMap<>();
    private final Map<String, Duration> behind = new HashMap<>();
    private final Map<String, Integer> held = new HashMap<>();
    private long allowance = Long.MAX_VALUE;
    private boolean measured;
    private double demand;
    private Instant lastLog = Instant.EPOCH;

    public Backlog(BacklogSettings settings, Duration checkInterval, DispatchQueue queue, MeterRegistry registry) {
        this.checkInterval = checkInterval;
        this.queue = queue;
        this.budget = new CheckBudget(settings.queueAhead());
        this.pacer = new SweepPacer(checkInterval);
        this.alertAfter = settings.alertAfter();
        this.alert = new BacklogAlert(alertAfter, null);
        Gauge.builder("fleetdiag.poller.dispatch.backlog", budget, CheckBudget::backlog)
                .description("Checks on check-requests the dispatchers have not finished").register(registry);
        Gauge.builder("fleetdiag.poller.dispatch.capacity", budget, b -> b.capacity().orElse(Double.NaN))
                .description("Checks per second the dispatchers finished, measured from their committed offsets").register(registry);
        Gauge.builder("fleetdiag.poller.check.demand", this, b -> b.demand)
                .description("Checks per second the schedule asks for: live terminals / poller.check-interval").register(registry);
        Gauge.builder("fleetdiag.poller.sweep.behind", this, b -> b.behind.values().stream().mapToLong(Duration::toMillis).max().orElse(0) / 1000.0)
                .baseUnit("seconds").description("How far the most held-back scope's check schedule is behind the clock").register(registry);
        Gauge.builder("fleetdiag.poller.checks.held", this, b -> b.held.values().stream().mapToInt(Integer::intValue).sum())
                .description("Checks due at the last poll that wait for room at the dispatchers").register(registry);
    }

    /**
     * A new leadership term: no scope is known to be behind yet, and the open episode is the poller state's.
     *
     * @param raisedAt the open DIAGNOSIS_BACKLOG episode's start as the poller state has it, or null
     */
    public void resume(Instant raisedAt) {
        alert = new BacklogAlert(alertAfter, raisedAt);
        behindSince.clear();
        behind.clear();
        held.clear();
    }

    /** Before a round's polls: reads the dispatchers' queue; the round's first {@link #pace} sets what it may send. */
    public void measure(Instant now) {
        Optional<DispatchQueue.Reading> reading = queue.read(now);
        reading.ifPresent(budget::observe);
        measured = reading.isPresent();
        allowance = Long.MAX_VALUE;
    }

    /** Where a scope's window starts: where its held-back sweep stopped (at most one interval back), else {@code usual}. */
    public Instant from(String scope, Instant watermark, Instant usual, Instant polledAt) {
        Instant oneInterval = polledAt.minus(checkInterval);
        return behindSince.containsKey(scope) && watermark != null ? (watermark.isAfter(oneInterval) ? watermark : oneInterval) : usual;
    }

    /**
     * The scope's due checks of {@code (from, to]} that fit what the round may still send.
     *
     * @param demandPerSecond the live terminals of every scope, with this poll's answer for this one, per second of the check interval
     */
    public SweepPacer.Paced pace(List<DiagnosisCheckRequest> due, Instant from, Instant to, Instant now, double demandPerSecond) {
        demand = demandPerSecond;
        if (measured) {
            measured = false;
            allowance = budget.allowance(demandPerSecond);
        }
        SweepPacer.Paced paced = pacer.pace(due, from, to, allowance, now);
        allowance = allowance == Long.MAX_VALUE ? allowance : Math.max(0, allowance - paced.checks().size());
        return paced;
    }

    /** The DIAGNOSIS_BACKLOG edge to publish with this poll of {@code scope}, if any. */
    public Optional<BacklogAlert.Edge> edge(String scope, SweepPacer.Paced paced, Instant now) {
        boolean stillHeld = paced.held() > 0 || behindSince.keySet().stream().anyMatch(other -> !other.equals(scope));
        Duration worst = behind.entrySet().stream().filter(entry -> !entry.getKey().equals(scope)).map(Map.Entry::getValue)
                .reduce(Duration.between(paced.watermark(), now), (a, b) -> a.compareTo(b) >= 0 ? a : b);
        return alert.decide(now, stillHeld, new BacklogAlert.Figures(budget.backlog(), budget.capacity().orElse(0), demand,
                stillHeld ? worst : Duration.ZERO));
    }

    /** The poll of {@code scope} is committed, with {@code edge} if there was one. */
    public void published(String scope, SweepPacer.Paced paced, Optional<BacklogAlert.Edge> edge, Instant now) {
        edge.ifPresent(alert::published);
        edge.ifPresent(published -> {
            TerminalAlert alert = published.alert();
            if (alert.getStatus() == AlertStatus.RAISED) {
                LOG.warn("{} raised: {}", alert.getType(), alert.getSummary());
            } else {
                LOG.info("{} resolved: {}", alert.getType(), alert.getSummary());
            }
        });
        if (paced.held() == 0) {
            Instant since = behindSince.remove(scope);
            behind.remove(scope);
            held.remove(scope);
            if (since != null) {
                LOG.info("The check sweep of {} caught up after {} s held back", scope, Duration.between(since, now).toSeconds());
            }
            return;
        }
        boolean first = behindSince.putIfAbsent(scope, now) == null;
        behind.put(scope, Duration.between(paced.watermark(), now));
        held.put(scope, paced.held());
        if (first || !now.isBefore(lastLog.plus(LOG_EVERY))) {
            lastLog = now;
            LOG.warn("The check sweep of {} stretches: {} checks sent, {} held for later; the dispatchers have {} unfinished (at most {})"
                            + " and finish {} checks/s against a demand of {}/s; the schedule is {} s behind", scope, paced.checks().size(),
                    paced.held(), budget.backlog(), budget.limit(demand), String.format("%.1f", budget.capacity().orElse(0)),
                    String.format("%.1f", demand), behind.get(scope).toSeconds());
        }
    }

    @Override
    public void close() {
        queue.close();
    }
}
