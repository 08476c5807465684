package io.fleetdiag.faults.inject;

import io.fleetdiag.faults.ledger.Ledger;
import io.fleetdiag.faults.report.Verdict;
import io.fleetdiag.faults.services.ManagedService;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.TerminalAlert;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Overload (issue 23): for a while the dispatcher serves well under half of what the schedule asks (it is
 * restarted with a few calls in flight instead of {@code fullInFlight}), then gets its capacity back. The
 * poller must stretch its sweep and raise one fleet-level DIAGNOSIS_BACKLOG, resolved once the capacity
 * is back, and no terminal may get STALE_DIAGNOSIS for a check fleetdiag did not get to.
 */
public final class Overload implements Fault {

    /** The simulator's mean answer time at the suite's latency (median 200 ms, sigma 0.5: 200 ms x e^(0.5^2/2)). */
    static final double MEAN_LATENCY_SECONDS = 0.227;
    /** The share of the demand the cut capacity serves. */
    static final double CAPACITY_SHARE = 0.4;

    private final ManagedService dispatcher;
    private final Ledger ledger;
    private final int fullInFlight;
    private final int cutInFlight;
    private final Duration startAt;
    private final Duration endAt;
    private volatile Instant startedAt;
    private volatile Instant endedAt;

    /** From 5 % to 55 % of the chaos, overlapping the misbehaviour (35-60 %) and ending before the storm (65 %). */
    public Overload(ManagedService dispatcher, Ledger ledger, int terminals, Duration checkInterval, int fullInFlight, Duration chaos) {
        this.dispatcher = dispatcher;
        this.ledger = ledger;
        this.fullInFlight = fullInFlight;
        this.cutInFlight = cutInFlight(terminals, checkInterval);
        this.startAt = Duration.ofMillis(chaos.toMillis() * 5 / 100);
        this.endAt = Duration.ofMillis(chaos.toMillis() * 55 / 100);
    }

    /** Calls in flight that serve {@link #CAPACITY_SHARE} of the demand, at least one. */
    static int cutInFlight(int terminals, Duration checkInterval) {
        double demandPerSecond = terminals * 1000.0 / checkInterval.toMillis();
        return Math.max(1, (int) Math.floor(CAPACITY_SHARE * demandPerSecond * MEAN_LATENCY_SECONDS));
    }

    @Override
    public List<Step> steps() {
        return List.of(Step.onTimeline(startAt, "the dispatcher's capacity cut to " + cutInFlight + " calls in flight", () -> {
                    startedAt = Instant.now();
                    restartWith(cutInFlight);
                }),
                Step.onTimeline(endAt, "the dispatcher's capacity is back (" + fullInFlight + " calls in flight)", () -> {
                    restartWith(fullInFlight);
                    endedAt = Instant.now();
                }));
    }

    private void restartWith(int inFlight) throws Exception {
        dispatcher.stop();
        dispatcher.startWith(Map.of("dispatcher.max-in-flight", Integer.toString(inFlight)));
    }

    @Override
    public void end() throws Exception {
        // a kill of the fault's own schedule may have left the dispatcher stopped with the cut setting
        dispatcher.startWith(Map.of("dispatcher.max-in-flight", Integer.toString(fullInFlight)));
    }

    @Override
    public boolean settled() {
        return unresolved(ledger.edges(AlertType.DIAGNOSIS_BACKLOG)) == 0;
    }

    @Override
    public List<Verdict.Check> checks() {
        List<TerminalAlert> backlog = ledger.edges(AlertType.DIAGNOSIS_BACKLOG);
        return List.of(new Verdict.Check("false per-terminal alerts (STALE_DIAGNOSIS raised once capacity was cut)",
                        raisedSince(ledger.edges(AlertType.STALE_DIAGNOSIS), startedAt), 0),
                new Verdict.Check("DIAGNOSIS_BACKLOG episodes open while capacity was cut", episodesDuring(backlog, startedAt, endedAt), 1),
                new Verdict.Check("DIAGNOSIS_BACKLOG episodes not RESOLVED", unresolved(backlog), 0));
    }

    @Override
    public void count(Map<String, Object> counts) {
        counts.put("overload: calls in flight while cut", cutInFlight);
        counts.put("DIAGNOSIS_BACKLOG episodes in all", ledger.edges(AlertType.DIAGNOSIS_BACKLOG).stream()
                .map(TerminalAlert::getAlertId).distinct().count());
    }

    /** RAISED edges at or after {@code since}; none before the fault began. */
    static long raisedSince(List<TerminalAlert> edges, Instant since) {
        return since == null ? 0 : edges.stream()
                .filter(alert -> alert.getStatus() == AlertStatus.RAISED && !alert.getRaisedAt().isBefore(since)).count();
    }

    /** Episodes open at some moment of {@code [from, to]}: raised before its end and not resolved before its start. */
    static long episodesDuring(List<TerminalAlert> edges, Instant from, Instant to) {
        if (from == null || to == null) {
            return 0;
        }
        return edges.stream().collect(Collectors.groupingBy(TerminalAlert::getAlertId)).values().stream()
                .filter(episode -> episode.get(0).getRaisedAt().isBefore(to) && episode.stream()
                        .noneMatch(edge -> edge.getStatus() == AlertStatus.RESOLVED && edge.getResolvedAt().isBefore(from)))
                .count();
    }

    /** Episodes whose last edge is not RESOLVED. */
    static long unresolved(List<TerminalAlert> edges) {
        return edges.stream().collect(Collectors.groupingBy(TerminalAlert::getAlertId)).values().stream()
                .filter(episode -> episode.get(episode.size() - 1).getStatus() != AlertStatus.RESOLVED).count();
    }
}
