package io.fleetdiag.dispatcher.retry;

import io.fleetdiag.terminalapi.CallOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What comes after a Terminal API answer, as a pure function of the answer, the attempts so far and
 * the settings: the answer is the result, the check is retried at a time, it is given up, or the
 * service stops (a refused API key is a configuration error, not a terminal's state).
 */
public sealed interface RetryDecision {

    /** The answer finishes the check with its own outcome. */
    record Done() implements RetryDecision {
    }

    /** The check goes to the retries topic; its terminal gets nothing before {@code at}. */
    record Retry(int attemptsMade, Instant at) implements RetryDecision {
    }

    /**
     * The check ends as GAVE_UP; {@code terminalFreeAt}, when present, is when the terminal may get its
     * next request (it said retry later, so a check waiting behind this one must wait too).
     */
    record GiveUp(String why, Optional<Instant> terminalFreeAt) implements RetryDecision {
    }

    /** The service cannot go on. */
    record Stop() implements RetryDecision {
    }

    /**
     * One answered attempt.
     *
     * @param attemptsBefore attempts made before this one
     * @param delay          the backoff before the next attempt, Retry-After included
     * @param mayStillRun    no answer came although the request went out: the terminal may still be on it
     */
    record Attempt(CallOutcome outcome, String message, int attemptsBefore, Duration delay, boolean mayStillRun,
                   Instant now, Instant deadline) {
    }

    static RetryDecision after(Attempt attempt, RetryPolicy policy) {
        return switch (attempt.outcome()) {
            case UNAUTHORIZED -> new Stop();
            case RETRY_LATER -> retryLater(attempt, policy);
            case SUCCESS, TERMINAL_UNREACHABLE, REJECTED, MALFORMED -> new Done();
        };
    }

    /** Before a call: a check whose deadline passed while it waited is given up without calling. */
    static Optional<GiveUp> beforeCall(Instant deadline, Instant now, String lastFailure) {
        if (!now.isAfter(deadline)) {
            return Optional.empty();
        }
        String last = lastFailure == null ? "" : "; last: " + lastFailure;
        return Optional.of(new GiveUp("deadline " + deadline + " passed before the next attempt" + last, Optional.empty()));
    }

    private static RetryDecision retryLater(Attempt attempt, RetryPolicy policy) {
        int attempts = attempt.attemptsBefore() + 1;
        Instant retryAt = attempt.now().plus(attempt.delay());
        Instant callEnds = attempt.now().plus(policy.callTimeout());
        if (attempt.mayStillRun() && retryAt.isBefore(callEnds)) {
            // the terminal may still be on the request we gave up on: one request at a time, also then
            retryAt = callEnds;
        }
        if (attempts >= policy.maxAttempts()) {
            return new GiveUp("gave up after " + attempts + " attempts; last: " + attempt.message(), Optional.of(retryAt));
        }
        if (retryAt.isAfter(attempt.deadline())) {
            return new GiveUp("deadline " + attempt.deadline() + " comes before the next attempt; last: " + attempt.message(),
                    Optional.of(retryAt));
        }
        return new Retry(attempts, retryAt);
    }
}
