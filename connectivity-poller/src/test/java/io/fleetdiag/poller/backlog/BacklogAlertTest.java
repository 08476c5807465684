package io.fleetdiag.poller.backlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BacklogAlertTest {

    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");
    private static final BacklogAlert.Figures BEHIND = new BacklogAlert.Figures(900, 4.2, 15, Duration.ofSeconds(40));

    private static Instant at(int second) {
        return T0.plusSeconds(second);
    }

    @Test
    void raisedOnceWhenTheSweepStaysHeldBackAndResolvedWhenItCatchesUp() {
        BacklogAlert alert = new BacklogAlert(Duration.ofSeconds(30), null);

        assertThat(alert.decide(at(0), true, BEHIND)).isEmpty();
        assertThat(alert.decide(at(20), true, BEHIND)).isEmpty();
        BacklogAlert.Edge raised = alert.decide(at(30), true, BEHIND).orElseThrow();
        alert.published(raised);
        assertThat(alert.decide(at(60), true, BEHIND)).as("no repeat while it holds").isEmpty();

        assertThat(raised.alert().getType()).isEqualTo(AlertType.DIAGNOSIS_BACKLOG);
        assertThat(raised.alert().getStatus()).isEqualTo(AlertStatus.RAISED);
        assertThat(raised.alert().getPoiid()).isNull();
        assertThat(raised.alert().getRaisedAt()).isEqualTo(at(0));
        assertThat(raised.raisedAt()).isEqualTo(at(0));
        assertThat(raised.alert().getEvidence()).containsEntry("backlog", "900").containsEntry("capacityPerSecond", "4.2")
                .containsEntry("demandPerSecond", "15.0").containsEntry("sweepBehindSeconds", "40");
        assertThat(raised.alert().getRemediation()).contains("dispatcher instances", "partitions", "poller.check-interval");

        BacklogAlert.Edge resolved = alert.decide(at(90), false, new BacklogAlert.Figures(10, 40, 15, Duration.ZERO)).orElseThrow();
        alert.published(resolved);
        assertThat(resolved.alert().getStatus()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(resolved.alert().getAlertId()).isEqualTo(raised.alert().getAlertId());
        assertThat(resolved.alert().getResolvedAt()).isEqualTo(at(90));
        assertThat(resolved.raisedAt()).isNull();
        assertThat(alert.raised()).isFalse();
    }

    @Test
    void aShortStretchRaisesNothingAndAnEdgeNotPublishedIsDecidedAgain() {
        BacklogAlert alert = new BacklogAlert(Duration.ofSeconds(30), null);
        assertThat(alert.decide(at(0), true, BEHIND)).isEmpty();
        assertThat(alert.decide(at(20), false, BEHIND)).isEmpty();
        assertThat(alert.decide(at(40), true, BEHIND)).as("held again: counted afresh").isEmpty();

        assertThat(alert.decide(at(70), true, BEHIND)).isPresent();
        assertThat(alert.decide(at(71), true, BEHIND)).as("the transaction failed: the next poll raises it").isPresent();
    }

    @Test
    void anEpisodeOpenInThePollerStateIsResolvedByTheNewLeaderNotRaisedAgain() {
        BacklogAlert alert = new BacklogAlert(Duration.ofSeconds(30), at(0));

        assertThat(alert.decide(at(100), true, BEHIND)).isEmpty();
        assertThat(alert.decide(at(200), true, BEHIND)).isEmpty();
        assertThat(alert.decide(at(210), false, BEHIND)).hasValueSatisfying(edge ->
                assertThat(edge.alert().getRaisedAt()).isEqualTo(at(0)));
    }
}
