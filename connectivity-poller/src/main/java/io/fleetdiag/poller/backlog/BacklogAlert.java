package io.fleetdiag.poller.backlog;

import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalAlert;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The fleet's one DIAGNOSIS_BACKLOG episode: raised when the sweep has been held back for
 * {@code alertAfter}, resolved with the first poll that sends every due check again. Its edges go out in
 * the poller's own transaction together with the episode's start on the poller's state topic (key
 * {@link #STATE_KEY}), so a new leader knows the open episode and neither repeats nor loses it.
 */
public final class BacklogAlert {

    /** The record key of the alert on terminal-alerts: it is about the fleet, no terminal, store or scope. */
    public static final String KEY = "fleet";
    /** The poller-state key of the open episode's start; no scope key can be it (scopes have no '!'). */
    public static final String STATE_KEY = "!diagnosis-backlog";
    static final String REMEDY = "fleetdiag cannot check every terminal within poller.check-interval: the dispatchers serve fewer checks"
            + " per second than the fleet needs. Add dispatcher instances (as many as diagnosis-check-requests has partitions, more"
            + " partitions beyond that), raise dispatcher.max-in-flight if Adyen's latency allows, or lengthen poller.check-interval"
            + " so the demand fits the capacity. Until then every terminal's checks come further apart; no terminal is blamed for it.";

    /** What the alert says: the backlog, the measured capacity and the demand. */
    public record Figures(long backlog, double capacityPerSecond, double demandPerSecond, Duration behind) {
    }

    /**
     * An edge to publish and the episode state to write with it.
     *
     * @param raisedAt the open episode's start after this edge; null once resolved (a tombstone)
     */
    public record Edge(TerminalAlert alert, Instant raisedAt) {

        public Edge {
            if (alert == null) {
                throw new IllegalArgumentException("an edge has its alert");
            }
        }
    }

    private final Duration alertAfter;
    private Instant raisedAt;
    private Instant heldSince;

    /** @param raisedAt the open episode's start as the poller state has it, or null */
    public BacklogAlert(Duration alertAfter, Instant raisedAt) {
        this.alertAfter = alertAfter;
        this.raisedAt = raisedAt;
    }

    /** The edge this poll makes, if any: {@code held} whether the sweep is held back after it. */
    public Optional<Edge> decide(Instant now, boolean held, Figures figures) {
        if (held) {
            heldSince = heldSince == null ? now : heldSince;
            if (raisedAt == null && !now.isBefore(heldSince.plus(alertAfter))) {
                return Optional.of(new Edge(alert(AlertStatus.RAISED, heldSince, now, figures), heldSince));
            }
            return Optional.empty();
        }
        heldSince = null;
        return raisedAt == null ? Optional.empty() : Optional.of(new Edge(alert(AlertStatus.RESOLVED, raisedAt, now, figures), null));
    }

    /** The edge went out: the episode is as it says. */
    public void published(Edge edge) {
        raisedAt = edge.raisedAt();
    }

    public boolean raised() {
        return raisedAt != null;
    }

    private static TerminalAlert alert(AlertStatus status, Instant raisedAt, Instant now, Figures figures) {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("backlog", Long.toString(figures.backlog()));
        evidence.put("capacityPerSecond", String.format("%.1f", figures.capacityPerSecond()));
        evidence.put("demandPerSecond", String.format("%.1f", figures.demandPerSecond()));
        evidence.put("sweepBehindSeconds", Long.toString(figures.behind().toSeconds()));
        return TerminalAlert.newBuilder()
                .setAlertId(UUID.nameUUIDFromBytes((KEY + "|" + AlertType.DIAGNOSIS_BACKLOG + "|" + raisedAt.toEpochMilli())
                        .getBytes(StandardCharsets.UTF_8)).toString())
                .setStatus(status)
                .setType(AlertType.DIAGNOSIS_BACKLOG)
                .setSeverity(Severity.WARNING)
                .setSummary(status == AlertStatus.RESOLVED
                        ? "fleetdiag caught up with its diagnosis checks"
                        : String.format("fleetdiag is behind on diagnosis checks: %d queued, the dispatchers finish %.1f/s against a demand"
                                + " of %.1f/s; the check sweep is %d s behind", figures.backlog(), figures.capacityPerSecond(),
                                figures.demandPerSecond(), figures.behind().toSeconds()))
                .setEvidence(evidence)
                .setRemediation(REMEDY)
                .setRaisedAt(raisedAt)
                .setResolvedAt(status == AlertStatus.RESOLVED ? now : null)
                .setEventTime(now)
                .build();
    }
}
