package io.fleetdiag.dispatcher.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.schemas.CheckReason;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class TerminalLanesTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    private static final TopicPartition PARTITION = new TopicPartition("checks", 0);
    private long offset;

    private PendingCheck check(String id, CheckReason reason, boolean host) {
        return PendingCheck.of(DiagnosisCheckRequest.newBuilder()
                        .setRequestId(id).setPoiid("V400m-1").setReason(reason).setHostDiagnosis(host).setRequestedAt(AT).build(),
                new PendingCheck.Source(PARTITION, offset++), Duration.ofMinutes(15));
    }

    @Test
    void aSecondRequestJoinsTheCallInFlightWhenThatCallAnswersIt() {
        TerminalLanes lanes = new TerminalLanes();
        assertThat(lanes.offer(check("a", CheckReason.SCHEDULED, false))).isEqualTo(TerminalLanes.Placement.WAITING);
        PendingCheck inFlight = lanes.start("V400m-1");

        assertThat(lanes.offer(check("b", CheckReason.RECONNECTED, false))).isEqualTo(TerminalLanes.Placement.JOINED_IN_FLIGHT);
        assertThat(lanes.startable("V400m-1")).isEmpty();
        assertThat(inFlight.coalesced()).containsExactly("a");
        assertThat(inFlight.request().getRequestId()).isEqualTo("b");
        assertThat(inFlight.sources()).hasSize(2);
        assertThat(lanes.finish("V400m-1")).isEmpty();
    }

    @Test
    void aHostFollowUpWaitsBehindACallWithoutHostDiagnosisAndUpgradesWhatWaits() {
        TerminalLanes lanes = new TerminalLanes();
        lanes.offer(check("a", CheckReason.SCHEDULED, false));
        lanes.start("V400m-1");

        assertThat(lanes.offer(check("b", CheckReason.HOST_FOLLOWUP, true))).isEqualTo(TerminalLanes.Placement.WAITING);
        assertThat(lanes.offer(check("c", CheckReason.SCHEDULED, false))).isEqualTo(TerminalLanes.Placement.MERGED_INTO_WAITING);
        assertThat(lanes.startable("V400m-1")).isEmpty();

        PendingCheck next = lanes.finish("V400m-1").orElseThrow();
        assertThat(next.request().getHostDiagnosis()).isTrue();
        assertThat(next.request().getReason()).isEqualTo(CheckReason.HOST_FOLLOWUP);
        assertThat(next.request().getRequestId()).isEqualTo("b");
        assertThat(next.coalesced()).containsExactly("c");
        assertThat(lanes.startable("V400m-1")).contains(next);
        assertThat(lanes.waitingCount()).isEqualTo(1);
    }

    @Test
    void aManualCheckLeadsAndTheLaterRetryTimeHolds() {
        PendingCheck retry = PendingCheck.of(DiagnosisCheckRequest.newBuilder()
                .setRequestId("r").setPoiid("V400m-1").setReason(CheckReason.SCHEDULED).setRequestedAt(AT).setAttempt(3)
                .setNotBefore(AT.plusSeconds(30)).setCoalescedRequestIds(List.of("older")).build(),
                new PendingCheck.Source(PARTITION, 99), Duration.ofMinutes(15));

        retry.merge(check("m", CheckReason.MANUAL, false));

        assertThat(retry.request().getRequestId()).isEqualTo("m");
        assertThat(retry.notBefore()).isEqualTo(AT.plusSeconds(30));
        assertThat(retry.coalesced()).containsExactly("older", "r");
        assertThat(retry.deadline()).isEqualTo(AT.plus(Duration.ofMinutes(15)));
        assertThat(retry.retry(1, AT.plusSeconds(60), "Busy").getCoalescedRequestIds()).containsExactly("older", "r");
    }
}
