package io.fleetdiag.dispatcher.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.dispatcher.retry.RetryDecision.Attempt;
import io.fleetdiag.dispatcher.retry.RetryDecision.Done;
import io.fleetdiag.dispatcher.retry.RetryDecision.GiveUp;
import io.fleetdiag.dispatcher.retry.RetryDecision.Retry;
import io.fleetdiag.dispatcher.retry.RetryDecision.Stop;
import io.fleetdiag.terminalapi.CallOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RetryDecisionTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final RetryPolicy POLICY = new RetryPolicy(5, Duration.ofSeconds(30));
    private static final Instant FAR = NOW.plus(Duration.ofHours(1));

    private static Attempt attempt(CallOutcome outcome, int attemptsBefore, Duration delay, boolean mayStillRun, Instant deadline) {
        return new Attempt(outcome, "Busy", attemptsBefore, delay, mayStillRun, NOW, deadline);
    }

    static Stream<Arguments> decisions() {
        Duration tenSeconds = Duration.ofSeconds(10);
        return Stream.of(
                Arguments.of("success finishes", attempt(CallOutcome.SUCCESS, 0, tenSeconds, false, FAR), new Done()),
                Arguments.of("unreachable finishes", attempt(CallOutcome.TERMINAL_UNREACHABLE, 3, tenSeconds, false, FAR), new Done()),
                Arguments.of("rejected finishes", attempt(CallOutcome.REJECTED, 0, tenSeconds, false, FAR), new Done()),
                Arguments.of("malformed finishes", attempt(CallOutcome.MALFORMED, 0, tenSeconds, false, FAR), new Done()),
                Arguments.of("a refused key stops", attempt(CallOutcome.UNAUTHORIZED, 0, tenSeconds, false, FAR), new Stop()),
                Arguments.of("busy retries after the delay", attempt(CallOutcome.RETRY_LATER, 0, tenSeconds, false, FAR),
                        new Retry(1, NOW.plusSeconds(10))),
                Arguments.of("busy again counts the attempts", attempt(CallOutcome.RETRY_LATER, 3, tenSeconds, false, FAR),
                        new Retry(4, NOW.plusSeconds(10))),
                Arguments.of("no answer waits for the call timeout", attempt(CallOutcome.RETRY_LATER, 0, tenSeconds, true, FAR),
                        new Retry(1, NOW.plusSeconds(30))),
                Arguments.of("no answer keeps a longer delay", attempt(CallOutcome.RETRY_LATER, 0, Duration.ofSeconds(45), true, FAR),
                        new Retry(1, NOW.plusSeconds(45))),
                Arguments.of("the last attempt gives up", attempt(CallOutcome.RETRY_LATER, 4, tenSeconds, false, FAR),
                        new GiveUp("gave up after 5 attempts; last: Busy", Optional.of(NOW.plusSeconds(10)))),
                Arguments.of("a retry after the deadline gives up", attempt(CallOutcome.RETRY_LATER, 1, tenSeconds, false, NOW.plusSeconds(5)),
                        new GiveUp("deadline " + NOW.plusSeconds(5) + " comes before the next attempt; last: Busy",
                                Optional.of(NOW.plusSeconds(10)))),
                Arguments.of("a retry at the deadline still runs", attempt(CallOutcome.RETRY_LATER, 1, tenSeconds, false, NOW.plusSeconds(10)),
                        new Retry(2, NOW.plusSeconds(10))),
                Arguments.of("the call timeout can pass the deadline", attempt(CallOutcome.RETRY_LATER, 0, tenSeconds, true, NOW.plusSeconds(20)),
                        new GiveUp("deadline " + NOW.plusSeconds(20) + " comes before the next attempt; last: Busy",
                                Optional.of(NOW.plusSeconds(30)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decisions")
    void decidesFromOutcomeAttemptsAndSettings(String name, Attempt attempt, RetryDecision expected) {
        assertThat(RetryDecision.after(attempt, POLICY)).isEqualTo(expected);
    }

    @Test
    void aCheckPastItsDeadlineIsGivenUpWithoutACall() {
        assertThat(RetryDecision.beforeCall(NOW.minusSeconds(1), NOW, "Busy"))
                .contains(new GiveUp("deadline " + NOW.minusSeconds(1) + " passed before the next attempt; last: Busy", Optional.empty()));
        assertThat(RetryDecision.beforeCall(NOW.minusSeconds(1), NOW, null).map(GiveUp::why))
                .contains("deadline " + NOW.minusSeconds(1) + " passed before the next attempt");
        assertThat(RetryDecision.beforeCall(NOW, NOW, "Busy")).isEmpty();
    }
}
