package io.fleetdiag.faults.inject;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.faults.FaultSuiteSize;
import io.fleetdiag.faults.services.Fleetdiag;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalAlert;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The overload phase's schedule and checks, without running the suite. */
class OverloadTest {

    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    private static TerminalAlert edge(String id, AlertType type, AlertStatus status, int raisedAt, int at) {
        return TerminalAlert.newBuilder().setAlertId(id).setStatus(status).setType(type).setSeverity(Severity.WARNING)
                .setSummary("s").setEvidence(Map.of()).setRemediation("r").setRaisedAt(T0.plusSeconds(raisedAt))
                .setResolvedAt(status == AlertStatus.RESOLVED ? T0.plusSeconds(at) : null).setEventTime(T0.plusSeconds(at)).build();
    }

    @Test
    void theCutCapacityServesLessThanHalfTheDemandOfEverySize() {
        for (FaultSuiteSize size : FaultSuiteSize.values()) {
            double demand = size.terminals / (double) Fleetdiag.CHECK_INTERVAL.toSeconds();
            double capacity = Overload.cutInFlight(size.terminals, Fleetdiag.CHECK_INTERVAL) / Overload.MEAN_LATENCY_SECONDS;
            assertThat(capacity).as(size.label()).isLessThan(demand / 2).isPositive();
        }
        assertThat(Overload.cutInFlight(FaultSuiteSize.SMOKE.terminals, Fleetdiag.CHECK_INTERVAL)).isEqualTo(1);
        assertThat(Overload.cutInFlight(FaultSuiteSize.DEFAULT.terminals, Fleetdiag.CHECK_INTERVAL)).isEqualTo(4);
    }

    @Test
    void theCapacityIsCutAfterTheStartAndBackBeforeTheStorm() {
        Overload overload = new Overload(null, null, FaultSuiteSize.SMOKE.terminals, Fleetdiag.CHECK_INTERVAL, Fleetdiag.MAX_IN_FLIGHT,
                FaultSuiteSize.SMOKE.chaos);

        assertThat(overload.steps()).extracting(Step::at).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(44));
        assertThat(overload.steps()).extracting(Step::what).containsExactly("the dispatcher's capacity cut to 1 calls in flight",
                "the dispatcher's capacity is back (128 calls in flight)");
        assertThat(Duration.ofSeconds(44)).as("back before the storm at 65 %").isLessThan(Duration.ofSeconds(52));
    }

    @Test
    void oneEpisodeOpenDuringTheCutIsCountedOnceAndAnOpenOneIsUnresolved() {
        List<TerminalAlert> edges = List.of(
                edge("before", AlertType.DIAGNOSIS_BACKLOG, AlertStatus.RAISED, 0, 0),
                edge("before", AlertType.DIAGNOSIS_BACKLOG, AlertStatus.RESOLVED, 0, 5),
                edge("overload", AlertType.DIAGNOSIS_BACKLOG, AlertStatus.RAISED, 30, 30),
                edge("overload", AlertType.DIAGNOSIS_BACKLOG, AlertStatus.RESOLVED, 30, 70));

        assertThat(Overload.episodesDuring(edges, T0.plusSeconds(10), T0.plusSeconds(60))).isEqualTo(1);
        assertThat(Overload.episodesDuring(edges, T0.plusSeconds(3), T0.plusSeconds(60))).as("one still open at the start").isEqualTo(2);
        assertThat(Overload.unresolved(edges)).isZero();
        assertThat(Overload.unresolved(edges.subList(0, 3))).isEqualTo(1);
        assertThat(Overload.episodesDuring(edges, null, null)).as("never began").isZero();
    }

    @Test
    void staleAlertsCountFromTheCutOn() {
        List<TerminalAlert> stale = List.of(edge("a", AlertType.STALE_DIAGNOSIS, AlertStatus.RAISED, 5, 5),
                edge("b", AlertType.STALE_DIAGNOSIS, AlertStatus.RAISED, 20, 20),
                edge("b", AlertType.STALE_DIAGNOSIS, AlertStatus.RESOLVED, 20, 40));

        assertThat(Overload.raisedSince(stale, T0.plusSeconds(10))).isEqualTo(1);
        assertThat(Overload.raisedSince(stale, null)).isZero();
    }
}
