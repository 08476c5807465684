package io.fleetdiag.dispatcher.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.dispatcher.loop.EventQueue;
import io.fleetdiag.dispatcher.ratelimit.MerchantRateLimiter;
import io.fleetdiag.schemas.CheckReason;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import io.fleetdiag.testsupport.SteppedClock;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class CallQueueTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    private final SteppedClock clock = new SteppedClock(START);
    private final EventQueue loop = new EventQueue(clock);
    private final TerminalLanes lanes = new TerminalLanes();
    private final CallQueue calls = new CallQueue(lanes, new MerchantRateLimiter(1), loop, clock);
    private long offset;

    private void offer(String poiid, Instant notBefore) {
        DiagnosisCheckRequest request = DiagnosisCheckRequest.newBuilder().setRequestId("r" + offset).setPoiid(poiid)
                .setMerchantAccount("Merchant").setReason(CheckReason.SCHEDULED).setRequestedAt(START).setNotBefore(notBefore).build();
        lanes.offer(PendingCheck.of(request, new PendingCheck.Source(new TopicPartition("requests", 0), offset++), Duration.ofMinutes(15)));
        calls.schedule(poiid);
    }

    @Test
    void aCheckWhoseRetryTimeHasNotComeWaitsOnATimerWithoutHoldingUpOthers() {
        offer("P1", START.plusSeconds(5));
        offer("P2", null);
        assertThat(calls.next()).map(PendingCheck::poiid).contains("P2");
        assertThat(calls.next()).isEmpty();
        clock.advance(Duration.ofSeconds(5));
        loop.runDueTimers();
        assertThat(calls.next()).map(PendingCheck::poiid).contains("P1");
    }

    @Test
    void aMerchantAtItsRateLimitComesBackWhenATokenIsDue() {
        offer("P1", null);
        offer("P2", null);
        assertThat(calls.next()).map(PendingCheck::poiid).contains("P1");
        assertThat(calls.next()).isEmpty();
        clock.advance(Duration.ofMillis(999));
        loop.runDueTimers();
        assertThat(calls.next()).isEmpty();
        clock.advance(Duration.ofMillis(1));
        loop.runDueTimers();
        assertThat(calls.next()).map(PendingCheck::poiid).contains("P2");
    }

    @Test
    void aTerminalWithACallInFlightIsNotStartedAgain() {
        offer("P1", null);
        assertThat(calls.next()).isPresent();
        offer("P1", null);
        clock.advance(Duration.ofSeconds(2));
        assertThat(calls.next()).isEmpty();
    }
}
