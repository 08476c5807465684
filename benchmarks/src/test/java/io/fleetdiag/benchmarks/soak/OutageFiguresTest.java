package io.fleetdiag.benchmarks.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.benchmarks.report.Figure;
import io.fleetdiag.schemas.AlertStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutageFiguresTest {

    private static final long STOP = 1_000_000;
    private static final long RESTART = STOP + 1_800_000;
    private static final String OPEN = "the fleet's DIAGNOSIS_BACKLOG open when the dispatcher restarted";

    @Test
    void anEpisodeTheSteadyWindowOpenedCountsAsOpenThroughTheOutage() {
        OutageFigures figures = outage(List.of(edge(AlertStatus.RAISED, STOP - 60_000)));

        assertThat(figure(figures, OPEN).met()).isTrue();
        assertThat(figure(figures, "DIAGNOSIS_BACKLOG already open when the dispatcher stopped").value()).isEqualTo(1);
        assertThat(figure(figures, "fleet alerts raised from the stop on (DIAGNOSIS_BACKLOG)").value()).isZero();
    }

    @Test
    void anEpisodeRaisedInTheOutageCountsAndOneResolvedBeforeTheStopDoesNot() {
        assertThat(figure(outage(List.of(edge(AlertStatus.RAISED, STOP + 300_000))), OPEN).met()).isTrue();
        OutageFigures resolvedBefore = outage(List.of(edge(AlertStatus.RAISED, STOP - 120_000), edge(AlertStatus.RESOLVED, STOP - 60_000)));
        assertThat(figure(resolvedBefore, OPEN).met()).isFalse();
        assertThat(figure(outage(List.of()), OPEN).met()).isFalse();
    }

    private static OutageFigures outage(List<SoakWatch.Edge> fleetAlerts) {
        return new OutageFigures(Duration.ofMinutes(30), 100, 333, STOP, RESTART, RESTART + 600_000, true, 100, 340, 0, 0, 0, 0, 0,
                Map.of(), 0, fleetAlerts);
    }

    private static SoakWatch.Edge edge(AlertStatus status, long atMs) {
        return new SoakWatch.Edge("fleet", "DIAGNOSIS_BACKLOG", status, atMs);
    }

    private static Figure figure(OutageFigures figures, String name) {
        return figures.figures().stream().filter(figure -> figure.name().equals(name)).findFirst().orElseThrow();
    }
}
