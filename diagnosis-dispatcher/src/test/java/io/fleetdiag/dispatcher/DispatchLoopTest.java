package io.fleetdiag.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.dispatcher.offsets.CallsEndBy;
import io.fleetdiag.schemas.DeadLetter;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import io.fleetdiag.schemas.DiagnosisOutcome;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.service.ConfigurationException;
import io.fleetdiag.terminalapi.CallOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

/** The dispatcher loop with MockConsumer/MockProducer and a hand-moved clock: what the IT checks on a broker, step by step. */
class DispatchLoopTest {

    @Test
    void busyGoesToTheRetriesTopicWithABackedOffNotBefore() {
        DispatcherRig rig = new DispatcherRig().assigned();
        rig.deliver(rig.requests0, DispatcherRig.request("r1", "P400-1"));
        rig.step();
        assertThat(rig.calls).hasSize(1);
        rig.calls.get(0).answer(CallOutcome.RETRY_LATER, "Busy");
        rig.step();
        List<DiagnosisCheckRequest> retries = rig.written(rig.catalog.checkRetries());
        assertThat(retries).singleElement().satisfies(retry -> {
            assertThat(retry.getRequestId()).isEqualTo("r1");
            assertThat(retry.getAttempt()).isEqualTo(1);
            assertThat(retry.getLastFailure()).isEqualTo("Busy");
            // retry-base 2s, jittered between half and all of it
            assertThat(retry.getNotBefore()).isBetween(DispatcherRig.START.plusSeconds(1), DispatcherRig.START.plusSeconds(2));
        });
        assertThat(rig.written(rig.catalog.results())).isEmpty();
    }

    @Test
    void theLastAttemptEndsAsGaveUp() {
        DispatcherRig rig = new DispatcherRig().assigned();
        DiagnosisCheckRequest thirdAttempt = DiagnosisCheckRequest.newBuilder(DispatcherRig.request("r1", "P400-1")).setAttempt(2).build();
        rig.deliver(rig.retries0, thirdAttempt);
        rig.step();
        rig.calls.get(0).answer(CallOutcome.RETRY_LATER, "Busy");
        rig.step();
        assertThat(rig.written(rig.catalog.checkRetries())).isEmpty();
        assertThat(rig.written(rig.catalog.results())).singleElement().satisfies(result -> {
            assertThat(result.getOutcome()).isEqualTo(DiagnosisOutcome.GAVE_UP);
            assertThat(result.getAttempts()).isEqualTo(3);
            assertThat(result.getMessage()).isEqualTo("gave up after 3 attempts; last: Busy");
        });
    }

    @Test
    void aCheckExpiredInTheQueueIsGivenUpWithoutAttemptAndCounted() {
        DispatcherRig rig = new DispatcherRig().assigned();
        rig.deliver(rig.requests0, DiagnosisCheckRequest.newBuilder(DispatcherRig.request("r1", "P400-1"))
                .setDeadline(DispatcherRig.START.minusSeconds(1)).build());
        rig.step();

        assertThat(rig.calls).isEmpty();
        assertThat(rig.written(rig.catalog.results())).singleElement().satisfies(result -> {
            assertThat(result.getOutcome()).isEqualTo(DiagnosisOutcome.GAVE_UP);
            assertThat(result.getAttempts()).isZero();
        });
        assertThat(rig.meters.counter("fleetdiag.dispatcher.expired.unattempted").count()).isEqualTo(1);
    }

    @Test
    void oneCallInFlightPerTerminalAndTheResultAnswersTheRequestsThatJoinedIt() {
        DispatcherRig rig = new DispatcherRig().assigned();
        rig.deliver(rig.requests0, DispatcherRig.request("r1", "P400-1"));
        rig.step();
        rig.deliver(rig.requests0, DispatcherRig.request("r2", "P400-1"));
        rig.deliver(rig.requests0, DispatcherRig.request("r3", "P400-2"));
        rig.step();
        rig.step();
        assertThat(rig.calls).extracting(call -> call.request().poiid()).containsExactly("P400-1", "P400-2");
        rig.calls.get(0).answer(CallOutcome.SUCCESS, null);
        rig.step();
        rig.step();
        assertThat(rig.calls).hasSize(2);
        assertThat(rig.written(rig.catalog.results())).singleElement().satisfies(result -> {
            assertThat(result.getRequestId()).isEqualTo("r1");
            assertThat(result.getCoalescedRequestIds()).containsExactly("r2");
        });
    }

    @Test
    void offsetsAreCommittedOnlyOnceTheResultIsAcknowledged() {
        DispatcherRig rig = new DispatcherRig().assigned();
        rig.deliver(rig.requests0, DispatcherRig.request("r1", "P400-1"));
        rig.step();
        rig.calls.get(0).answer(CallOutcome.SUCCESS, null);
        rig.stepToCommit();
        assertThat(rig.written(rig.catalog.results())).hasSize(1);
        assertThat(rig.committed(rig.requests0).offset()).isZero();
        rig.producer.completeNext();
        rig.stepToCommit();
        assertThat(rig.committed(rig.requests0)).isEqualTo(new OffsetAndMetadata(1,
                CallsEndBy.metadata(rig.clock.instant().plus(rig.settings.commitInterval()).plus(rig.settings.callTimeout()))));
    }

    @Test
    void aResultTooLargeToWriteIsDeadLetteredOnceWithItsReasonNotSentForever() {
        DispatcherRig rig = new DispatcherRig().assigned();
        rig.deliver(rig.requests0, DispatcherRig.request("r1", "P400-1"));
        rig.step();
        rig.calls.get(0).answer(CallOutcome.SUCCESS, null);
        rig.step();
        rig.producer.errorNext(new RecordTooLargeException("The message is 1500000 bytes when serialized which is larger than 1048576"));
        rig.step();
        assertThat(rig.written(rig.catalog.deadLetters())).singleElement().satisfies(letter -> {
            assertThat(letter.getSourceTopic()).isEqualTo(rig.catalog.results().name());
            assertThat(letter.getReason()).contains("larger than the producer or the broker takes", "larger than 1048576");
            assertThat(letter.getExceptionClass()).isEqualTo(RecordTooLargeException.class.getName());
            assertThat(letter.getKey()).isNotNull();
        });
        rig.producer.completeNext();
        rig.stepToCommit();
        assertThat(rig.committed(rig.requests0).offset()).as("the check is finished once its dead letter lands").isEqualTo(1);
        for (int i = 0; i < 5; i++) {
            rig.clock.advance(Duration.ofSeconds(10));
            rig.step();
        }
        assertThat(rig.written(rig.catalog.results())).as("written once, not again and again").hasSize(1);
        assertThat(rig.meters.counter("fleetdiag.dispatcher.dead.letters").count()).isEqualTo(1);
    }

    @Test
    void aFailedWriteIsSentAgainAndItsOffsetWaitsForIt() {
        DispatcherRig rig = new DispatcherRig().assigned();
        rig.deliver(rig.requests0, DispatcherRig.request("r1", "P400-1"));
        rig.step();
        rig.calls.get(0).answer(CallOutcome.SUCCESS, null);
        rig.step();
        rig.producer.errorNext(new TimeoutException("broker away"));
        rig.step();
        assertThat(rig.written(rig.catalog.results())).hasSize(1);
        rig.clock.advance(Duration.ofSeconds(1));
        rig.step();
        assertThat(rig.written(rig.catalog.results())).extracting(DiagnosisResult::getRequestId).containsExactly("r1", "r1");
        rig.stepToCommit();
        assertThat(rig.committed(rig.requests0).offset()).isZero();
        rig.producer.completeNext();
        rig.stepToCommit();
        assertThat(rig.committed(rig.requests0).offset()).isEqualTo(1);
    }

    @Test
    void anUnreadableRecordIsDeadLetteredAndCommitted() {
        DispatcherRig rig = new DispatcherRig().assigned();
        rig.deliverBytes(rig.requests0, "not avro".getBytes(StandardCharsets.UTF_8));
        rig.step();
        assertThat(rig.calls).isEmpty();
        assertThat(rig.written(rig.catalog.deadLetters())).singleElement().extracting(DeadLetter::getSourceOffset).isEqualTo(0L);
        rig.producer.completeNext();
        rig.stepToCommit();
        assertThat(rig.committed(rig.requests0).offset()).isEqualTo(1);
        assertThat(rig.loop.running()).isTrue();
    }

    @Test
    void aRefusedKeyStopsTheLoopAndTellsTheService() {
        DispatcherRig rig = new DispatcherRig().assigned();
        rig.deliver(rig.requests0, DispatcherRig.request("r1", "P400-1"));
        rig.step();
        rig.calls.get(0).answer(CallOutcome.UNAUTHORIZED, "HTTP 401");
        rig.step();
        assertThat(rig.loop.running()).isFalse();
        assertThat(rig.fatal).singleElement().isInstanceOf(ConfigurationException.class);
        assertThat(rig.history()).isEmpty();
    }

    @Test
    void aLongQueuePausesConsumptionUntilHalfOfItIsDone() {
        DispatcherRig rig = new DispatcherRig(1, 3, 2, Duration.ofSeconds(5), true).assigned();
        for (int i = 1; i <= 4; i++) {
            rig.deliver(rig.requests0, DispatcherRig.request("r" + i, "P400-" + i));
        }
        rig.step();
        rig.step();
        assertThat(rig.consumer.paused()).containsExactlyInAnyOrder(rig.requests0, rig.retries0);
        for (int answered = 0; answered < 3; answered++) {
            rig.calls.get(answered).answer(CallOutcome.SUCCESS, null);
            rig.step();
        }
        assertThat(rig.calls).hasSize(4);
        rig.step();
        assertThat(rig.consumer.paused()).isEmpty();
    }

    @Test
    void aLeavingPartitionWaitsForItsCallAndPromisesCallsEndNow() {
        DispatcherRig rig = new DispatcherRig(8, 3, 100, Duration.ofSeconds(5), true).assigned();
        rig.deliver(rig.requests0, DispatcherRig.request("r1", "P400-1"));
        rig.step();
        rig.calls.get(0).answer(CallOutcome.SUCCESS, null);
        rig.consumer.rebalance(List.of());
        assertThat(rig.written(rig.catalog.results())).hasSize(1);
        assertThat(rig.committed(rig.requests0)).isEqualTo(new OffsetAndMetadata(1, CallsEndBy.metadata(rig.clock.instant())));
    }

    @Test
    void aPartitionLeftWithACallUnansweredPromisesTheCallTimeout() {
        DispatcherRig rig = new DispatcherRig(8, 3, 100, Duration.ZERO, true).assigned();
        rig.deliver(rig.requests0, DispatcherRig.request("r1", "P400-1"));
        rig.step();
        rig.consumer.rebalance(List.of());
        assertThat(rig.committed(rig.requests0)).isEqualTo(new OffsetAndMetadata(0,
                CallsEndBy.metadata(rig.clock.instant().plus(rig.settings.callTimeout()))));
    }

    @Test
    void anInheritedPromiseHoldsTheTerminalsBackUntilThen() {
        DispatcherRig rig = new DispatcherRig();
        rig.consumer.commitSync(Map.of(rig.requests0, new OffsetAndMetadata(0, CallsEndBy.metadata(DispatcherRig.START.plusSeconds(8)))));
        rig.assigned();
        rig.deliver(rig.requests0, DispatcherRig.request("r1", "P400-1"));
        rig.step();
        rig.clock.advance(Duration.ofSeconds(7));
        rig.step();
        assertThat(rig.calls).isEmpty();
        rig.clock.advance(Duration.ofSeconds(1));
        rig.step();
        assertThat(rig.calls).hasSize(1);
    }
}
