package io.fleetdiag.terminalapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DiagnosisAnswerTest {

    @Test
    void aMeasuredLatencyKeepsEveryOtherPart() {
        DiagnosisAnswer answer = DiagnosisAnswer.builder(CallOutcome.RETRY_LATER).httpStatus(200).result("Failure")
                .errorCondition("Busy").message("Busy").retryAfter(Duration.ofSeconds(3)).build();

        DiagnosisAnswer measured = answer.withLatency(Duration.ofMillis(40));

        assertThat(measured.latency()).isEqualTo(Duration.ofMillis(40));
        assertThat(answer.latency()).isNull();
        assertThat(measured.outcome()).isEqualTo(CallOutcome.RETRY_LATER);
        assertThat(measured.httpStatus()).isEqualTo(200);
        assertThat(measured.errorCondition()).isEqualTo("Busy");
        assertThat(measured.retryAfterHint()).hasValue(Duration.ofSeconds(3));
        assertThat(measured.hostStatuses()).isEmpty();
    }

    @Test
    void onlyARequestWithoutAnswerMayStillRun() {
        assertThat(DiagnosisAnswer.noAnswer("timed out", Duration.ofSeconds(1)).mayStillRun()).isTrue();
        assertThat(DiagnosisAnswer.failure(CallOutcome.RETRY_LATER, 503, "HTTP 503", null, Duration.ZERO).mayStillRun()).isFalse();
    }
}
