package io.fleetdiag.testsupport.harness;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits on a condition, polling, with a deadline that fails the scenario with what it waited for. */
public final class Waits {

    private Waits() {
    }

    public static void until(String what, Duration timeout, Duration every, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Gave up after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(every.toMillis());
        }
    }
}
