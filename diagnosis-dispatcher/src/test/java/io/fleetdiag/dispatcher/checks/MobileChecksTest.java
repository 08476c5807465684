package io.fleetdiag.dispatcher.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.schemas.CheckReason;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Checks of Mobile SDK installations (docs/alerts-escalation.md): always host diagnosis; an iOS follow-up holds the others. */
class MobileChecksTest {

    private static final Instant AT = Instant.parse("2026-12-02T10:00:00Z");
    private static final String IOS = "AC2ABBE8-EDD8-4E2B-AF45-8770FA2347DC.924";
    private static final TopicPartition PARTITION = new TopicPartition("checks", 0);
    private long offset;

    private PendingCheck check(String poiid, String id, CheckReason reason, boolean host, Instant notBefore) {
        return PendingCheck.of(DiagnosisCheckRequest.newBuilder().setRequestId(id).setPoiid(poiid).setReason(reason)
                        .setHostDiagnosis(host).setRequestedAt(AT).setNotBefore(notBefore).build(),
                new PendingCheck.Source(PARTITION, offset++), Duration.ofMinutes(15));
    }

    @Test
    void aCheckOfAnInstallationIsAlwaysAHostDiagnosisAndOneOfATerminalKeepsItsFlag() {
        assertThat(check(IOS, "a", CheckReason.SCHEDULED, false, null).request().getHostDiagnosis()).isTrue();
        assertThat(check(IOS, "b", CheckReason.MANUAL, false, null).request().getHostDiagnosis()).isTrue();
        assertThat(check("SDK_INSTALLATION_ID", "c", CheckReason.RECONNECTED, false, null).request().getHostDiagnosis()).isTrue();
        assertThat(check("V400m-1", "d", CheckReason.SCHEDULED, false, null).request().getHostDiagnosis()).isFalse();
        assertThat(check("V400m-1", "e", CheckReason.MANUAL, true, null).request().getHostDiagnosis()).isTrue();
        assertThat(check(IOS, "f", CheckReason.SCHEDULED, false, null).deadline()).isEqualTo(AT.plus(Duration.ofMinutes(15)));
    }

    @Test
    void otherChecksOfTheInstallationWaitWithTheFollowUpUntilItsNotBefore() {
        TerminalLanes lanes = new TerminalLanes();
        Instant notBefore = AT.plus(Duration.ofMinutes(3));
        assertThat(lanes.offer(check(IOS, "follow-up", CheckReason.HOST_FOLLOWUP, true, notBefore)))
                .isEqualTo(TerminalLanes.Placement.WAITING);
        assertThat(lanes.offer(check(IOS, "scheduled", CheckReason.SCHEDULED, false, null)))
                .isEqualTo(TerminalLanes.Placement.MERGED_INTO_WAITING);
        assertThat(lanes.offer(check(IOS, "reconnected", CheckReason.RECONNECTED, false, null)))
                .isEqualTo(TerminalLanes.Placement.MERGED_INTO_WAITING);

        PendingCheck waiting = lanes.startable(IOS).orElseThrow();
        assertThat(waiting.notBefore()).isEqualTo(notBefore);
        assertThat(waiting.request().getReason()).isEqualTo(CheckReason.HOST_FOLLOWUP);
        assertThat(waiting.request().getRequestId()).isEqualTo("follow-up");
        assertThat(waiting.coalesced()).containsExactly("scheduled", "reconnected");
        assertThat(lanes.waitingCount()).isEqualTo(1);
    }

    @Test
    void aFollowUpThatMustWaitIsNotAnsweredByAHostCallAlreadyInFlight() {
        TerminalLanes lanes = new TerminalLanes();
        lanes.offer(check(IOS, "scheduled", CheckReason.SCHEDULED, false, null));
        PendingCheck inFlight = lanes.start(IOS);

        assertThat(lanes.offer(check(IOS, "follow-up", CheckReason.HOST_FOLLOWUP, true, AT.plus(Duration.ofMinutes(3)))))
                .isEqualTo(TerminalLanes.Placement.WAITING);
        assertThat(inFlight.coalesced()).isEmpty();
        assertThat(lanes.offer(check(IOS, "manual", CheckReason.MANUAL, true, null)))
                .isEqualTo(TerminalLanes.Placement.MERGED_INTO_WAITING);
        assertThat(lanes.finish(IOS)).hasValueSatisfying(next -> assertThat(next.notBefore()).isEqualTo(AT.plus(Duration.ofMinutes(3))));
    }

    @Test
    void aCheckWithoutAWaitStillJoinsTheHostCallInFlight() {
        TerminalLanes lanes = new TerminalLanes();
        lanes.offer(check(IOS, "scheduled", CheckReason.SCHEDULED, false, null));
        lanes.start(IOS);

        assertThat(lanes.offer(check(IOS, "reconnected", CheckReason.RECONNECTED, false, null)))
                .isEqualTo(TerminalLanes.Placement.JOINED_IN_FLIGHT);
    }
}
