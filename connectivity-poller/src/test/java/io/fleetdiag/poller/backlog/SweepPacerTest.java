package io.fleetdiag.poller.backlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.schemas.CheckReason;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepPacerTest {

    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");
    private static final Duration INTERVAL = Duration.ofMinutes(5);
    private final SweepPacer pacer = new SweepPacer(INTERVAL);

    private static DiagnosisCheckRequest due(String poiid, int second) {
        Instant at = T0.plusSeconds(second);
        return DiagnosisCheckRequest.newBuilder().setRequestId(poiid + second).setPoiid(poiid).setReason(CheckReason.SCHEDULED)
                .setRequestedAt(at).setDeadline(at.plus(INTERVAL)).build();
    }

    @Test
    void whatFitsGoesWholeAndTheScheduleReachesTheWindowsEnd() {
        List<DiagnosisCheckRequest> due = List.of(due("a", 3), due("b", 1));

        SweepPacer.Paced paced = pacer.pace(due, T0, T0.plusSeconds(5), 2, T0.plusSeconds(5));

        assertThat(paced.checks()).extracting(DiagnosisCheckRequest::getPoiid).containsExactly("a", "b");
        assertThat(paced.watermark()).isEqualTo(T0.plusSeconds(5));
        assertThat(paced.held()).isZero();
    }

    @Test
    void beyondTheAllowanceTheEarliestDueGoAndTheScheduleStopsBeforeTheFirstHeld() {
        List<DiagnosisCheckRequest> due = new ArrayList<>(List.of(due("c", 4), due("a", 1), due("b", 2), due("b2", 2), due("d", 5)));

        SweepPacer.Paced paced = pacer.pace(due, T0, T0.plusSeconds(5), 2, T0.plusSeconds(5));

        // b and b2 are due at one instant: both wait, so the watermark between them skips neither
        assertThat(paced.checks()).extracting(DiagnosisCheckRequest::getPoiid).containsExactly("a");
        assertThat(paced.watermark()).isEqualTo(T0.plusSeconds(2).minusMillis(1));
        assertThat(paced.held()).isEqualTo(4);
    }

    @Test
    void nothingAllowedSendsNothingAndTheScheduleStopsBeforeTheFirstDue() {
        SweepPacer.Paced paced = pacer.pace(List.of(due("a", 1)), T0, T0.plusSeconds(5), 0, T0.plusSeconds(5));

        assertThat(paced.checks()).isEmpty();
        assertThat(paced.watermark()).isEqualTo(T0.plusSeconds(1).minusMillis(1));
        assertThat(paced.held()).isEqualTo(1);
    }

    @Test
    void aCheckSentLateGetsItsWholeIntervalFromWhenItIsSent() {
        Instant now = T0.plus(INTERVAL);

        SweepPacer.Paced paced = pacer.pace(List.of(due("a", 1)), T0, now, 1, now);

        assertThat(paced.checks()).singleElement().satisfies(check -> {
            assertThat(check.getRequestedAt()).isEqualTo(T0.plusSeconds(1));
            assertThat(check.getDeadline()).isEqualTo(now.plus(INTERVAL));
        });
    }
}
