package io.fleetdiag.benchmarks.soak;

import io.fleetdiag.benchmarks.BenchmarkSize.Soak;
import io.fleetdiag.schemas.DiagnosisOutcome;
import io.fleetdiag.testsupport.harness.Http;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/**
 * The soak's dispatcher outage (issue 23: "catches up after a 30-minute dispatcher outage within 15 minutes with 0 false
 * alerts"), run after the steady window so that window's figures stay as they were. The dispatcher is stopped as an
 * operator stops it, for {@link Soak#outage()}, then started again with the same settings; the run goes on until the
 * fleet has caught up ({@link CatchUp}) or, at the latest, half the outage and {@link #GRACE} past the restart, when it is
 * reported as not caught up. All along it samples the checks waiting: the dispatcher group's lag (queued on
 * check-requests, which the poller keeps to about a minute of work) and the poller's own meters, the checks it holds
 * back and how far its sweep is behind.
 */
final class OutagePhase {

    private static final String DISPATCHER = "dispatcher";
    /** How often the catch-up is looked at and the queues sampled: the catch-up time is known to this. */
    private static final Duration TICK = Duration.ofSeconds(5);
    /** Past the restart, at most half the outage and this long: a fleet that needs more has not caught up. */
    private static final Duration GRACE = Duration.ofMinutes(5);

    private final PrintStream progress;
    private final Soak soak;
    private final SoakProcesses processes;
    private final SoakWatch watch;
    private final GroupLag dispatcherLag;
    private final int controlTerminals;
    private final double demand;
    private long lagPeak;
    private double heldPeak;
    private double behindPeak;
    private double waitingPeak;

    OutagePhase(PrintStream progress, Soak soak, SoakProcesses processes, SoakWatch watch, GroupLag dispatcherLag, int controlTerminals,
                double demand) {
        this.progress = progress;
        this.soak = soak;
        this.processes = processes;
        this.watch = watch;
        this.dispatcherLag = dispatcherLag;
        this.controlTerminals = controlTerminals;
        this.demand = demand;
    }

    OutageFigures run() throws Exception {
        long stoppedAt = System.currentTimeMillis();
        long gaveUpBefore = watch.outcomes(DiagnosisOutcome.GAVE_UP);
        progress.printf("soak: stopping the dispatcher for %s%n", soak.outage());
        processes.stop(DISPATCHER);
        long restartAt = stoppedAt + soak.outage().toMillis();
        long nextReport = stoppedAt + 60_000;
        for (long now = System.currentTimeMillis(); now < restartAt; now = System.currentTimeMillis()) {
            Thread.sleep(Math.min(TICK.toMillis(), restartAt - now));
            processes.requireAlive();
            sample();
            if (System.currentTimeMillis() >= nextReport) {
                progress.printf("soak: dispatcher down %d of %d min; checks waiting, most so far: %,.0f (sweep %,.0f s behind)%n",
                        (nextReport - stoppedAt) / 60_000, soak.outage().toMinutes(), waitingPeak, behindPeak);
                nextReport += 60_000;
            }
        }
        long restartedAt = System.currentTimeMillis();
        processes.restart(DISPATCHER);
        progress.printf("soak: dispatcher started again; waiting for the fleet to catch up%n");
        CatchUp catchUp = new CatchUp(restartedAt, demand);
        long bound = restartedAt + catchUpBound(soak.outage()).toMillis();
        nextReport = restartedAt + 60_000;
        boolean caughtUp = false;
        long now = restartedAt;
        int checked = 0;
        long scheduled = 0;
        while (!caughtUp && now < bound) {
            Thread.sleep(TICK.toMillis());
            processes.requireAlive();
            sample();
            now = System.currentTimeMillis();
            checked = watch.controlCheckedSince(restartedAt);
            scheduled = watch.scheduledBetween(catchUp.rateFrom(now), catchUp.rateTo(now));
            caughtUp = catchUp.reached(now, checked, controlTerminals, scheduled);
            if (now >= nextReport) {
                progress.printf("soak: catching up, %d min: %d of %d control terminals checked since the restart, %.1f checks/s (demand %.1f)%n",
                        (nextReport - restartedAt) / 60_000, checked, controlTerminals, catchUp.rate(now, scheduled), demand);
                nextReport += 60_000;
            }
        }
        long gaveUp = watch.outcomes(DiagnosisOutcome.GAVE_UP) - gaveUpBefore;
        // everything after the steady window, up to now, is the outage's doing: the alerts are counted from its start on
        return new OutageFigures(soak.outage(), controlTerminals, demand, stoppedAt, restartedAt, now, caughtUp, checked,
                catchUp.rate(now, scheduled), lagPeak, heldPeak, behindPeak, waitingPeak, gaveUp,
                watch.falseAlerts(stoppedAt, Long.MAX_VALUE), watch.staleRaisedBetween(stoppedAt, Long.MAX_VALUE),
                watch.fleetAlerts(0, Long.MAX_VALUE));
    }

    /** How long past the restart the fleet has to catch up before it is reported as not caught up. */
    static Duration catchUpBound(Duration outage) {
        return outage.dividedBy(2).plus(GRACE);
    }

    /** The checks waiting now: queued on check-requests for the dispatcher, and due but held back by the poller. */
    private void sample() throws Exception {
        long lag = dispatcherLag.records();
        Map<String, Double> meters = pollerMeters();
        double held = Http.sum(meters, "fleetdiag_poller_checks_held", null);
        lagPeak = Math.max(lagPeak, lag);
        heldPeak = Math.max(heldPeak, held);
        behindPeak = Math.max(behindPeak, Http.sum(meters, "fleetdiag_poller_sweep_behind_seconds", null));
        waitingPeak = Math.max(waitingPeak, lag + held);
    }

    /** The poller's meters, or none when it did not answer this time (a busy moment; the next sample tells). */
    private Map<String, Double> pollerMeters() throws InterruptedException {
        try {
            return Http.prometheus(processes.pollerMetrics());
        } catch (IOException notNow) {
            return Map.of();
        }
    }
}
