package io.fleetdiag.dispatcher.retry;

import io.fleetdiag.dispatcher.DispatcherSettings;
import java.time.Duration;

/**
 * The settings a retry decision depends on.
 *
 * @param maxAttempts attempts before a check ends as GAVE_UP
 * @param callTimeout after it a call is given up, though the terminal may still be on it
 */
public record RetryPolicy(int maxAttempts, Duration callTimeout) {

    public static RetryPolicy of(DispatcherSettings settings) {
        return new RetryPolicy(settings.maxAttempts(), settings.callTimeout());
    }
}
