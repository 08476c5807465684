package io.fleetdiag.benchmarks.soak;

import io.fleetdiag.benchmarks.report.Figure;
import io.fleetdiag.schemas.AlertStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the dispatcher outage measured, as figure rows after the steady window's (issue 23's goal: caught up within 15
 * minutes, no false alert) and the parameters it ran with. Times are epoch milliseconds.
 *
 * @param controlChecked control terminals with a successful check since the restart, at the end
 * @param rateAtEnd      scheduled checks per second over the catch-up's last window ({@link CatchUp})
 * @param falseAlerts    control terminals alerted from the dispatcher's stop on, with the type of their first alert
 * @param fleetAlerts    the fleet's own alert edges (DIAGNOSIS_BACKLOG) of the whole run: an episode the steady window opened
 *                       (the fleet already behind) stays open through the outage and raises no second one
 */
record OutageFigures(Duration outage, int controlTerminals, double demand, long stoppedAtMs, long restartedAtMs, long endMs,
                     boolean caughtUp, int controlChecked, double rateAtEnd, long lagPeak, double heldPeak, double behindPeak,
                     double waitingPeak, long gaveUp, Map<String, String> falseAlerts, long staleRaised, List<SoakWatch.Edge> fleetAlerts) {

    static final Duration CATCH_UP_GOAL = Duration.ofMinutes(15);

    List<Figure> figures() {
        double minutes = (endMs - restartedAtMs) / 60_000.0;
        double goal = CATCH_UP_GOAL.toMinutes();
        int notChecked = controlTerminals - controlChecked;
        return List.of(
                // not caught up by the bound: the time is the bound's, and the goal is missed whatever it says
                Figure.against("catch-up time", minutes, "min", "goal: 15 minutes", goal, "ratio <= 1", caughtUp && minutes <= goal),
                Figure.target("control terminals not checked since the restart, at the end", notChecked, "terminals", "= 0", notChecked == 0),
                Figure.against("scheduled checks per second, end of the catch-up", rateAtEnd, "checks/s", "demand: terminals / check interval",
                        demand, "ratio >= " + CatchUp.AT_DEMAND, rateAtEnd >= CatchUp.AT_DEMAND * demand),
                Figure.target("false alerts in the outage and catch-up: control terminals alerted", falseAlerts.size(), "terminals", "= 0",
                        falseAlerts.isEmpty()),
                Figure.info("STALE_DIAGNOSIS raised in the outage and catch-up, any terminal", staleRaised, "alerts"),
                Figure.target("the fleet's DIAGNOSIS_BACKLOG open when the dispatcher restarted", openAt(restartedAtMs) ? 1 : 0, "episodes",
                        "= 1", openAt(restartedAtMs)),
                Figure.info("DIAGNOSIS_BACKLOG already open when the dispatcher stopped", openAt(stoppedAtMs) ? 1 : 0, "episodes"),
                Figure.info("fleet alerts raised from the stop on (DIAGNOSIS_BACKLOG)", fleetEdges(AlertStatus.RAISED), "alerts"),
                Figure.info("fleet alerts resolved from the stop on (DIAGNOSIS_BACKLOG)", fleetEdges(AlertStatus.RESOLVED), "alerts"),
                Figure.info("checks waiting, peak (queued at the dispatcher + held by the poller)", waitingPeak, "checks"),
                Figure.info("checks queued at the dispatcher (its group's lag), peak", lagPeak, "records"),
                Figure.info("checks held back by the poller, peak", heldPeak, "checks"),
                Figure.info("check sweep behind (poller), peak", behindPeak, "s"),
                Figure.info("GAVE_UP results in the outage and catch-up", gaveUp, "results"));
    }

    private long fleetEdges(AlertStatus status) {
        return fleetAlerts.stream().filter(edge -> edge.atMs() >= stoppedAtMs && edge.status() == status).count();
    }

    /** Whether the fleet's last DIAGNOSIS_BACKLOG edge before {@code atMs} raised it. */
    private boolean openAt(long atMs) {
        return fleetAlerts.stream().filter(edge -> edge.atMs() < atMs).reduce((earlier, later) -> later)
                .map(edge -> edge.status() != AlertStatus.RESOLVED).orElse(false);
    }

    Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("outageMinutes", outage.toMinutes());
        parameters.put("dispatcherStoppedAt", Instant.ofEpochMilli(stoppedAtMs).toString());
        parameters.put("dispatcherRestartedAt", Instant.ofEpochMilli(restartedAtMs).toString());
        parameters.put("caughtUp", caughtUp);
        parameters.put("catchUpBoundMinutes", OutagePhase.catchUpBound(outage).toSeconds() / 60.0);
        parameters.put("outageFalseAlertsByTerminal", falseAlerts);
        parameters.put("outageFleetAlerts", fleetAlerts);
        return parameters;
    }
}
