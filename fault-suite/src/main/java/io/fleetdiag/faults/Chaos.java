package io.fleetdiag.faults;

import io.fleetdiag.faults.inject.Fault;
import io.fleetdiag.faults.inject.Step;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Plays the faults' steps from now on, each lane on executors of its own; fails when a step failed. */
final class Chaos {

    private static final Logger LOG = LoggerFactory.getLogger(Chaos.class);

    private Chaos() {
    }

    static void play(List<Fault> faults, Duration length, PrintStream progress) throws Exception {
        ScheduledExecutorService timeline = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService traffic = Executors.newScheduledThreadPool(4);
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        try {
            for (Fault fault : faults) {
                for (Step step : fault.steps()) {
                    schedule(step.lane() == Step.Lane.TIMELINE ? timeline : traffic, step, failures, progress);
                }
            }
            for (ScheduledExecutorService executor : List.of(timeline, traffic)) {
                executor.shutdown();
                if (!executor.awaitTermination(length.toMillis() + 180_000, TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("The chaos schedule did not finish");
                }
            }
        } finally {
            timeline.shutdownNow();
            traffic.shutdownNow();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("The chaos schedule failed: " + failures);
        }
    }

    private static void schedule(ScheduledExecutorService executor, Step step, List<String> failures, PrintStream progress) {
        long atMillis = step.at().toMillis();
        executor.schedule(() -> {
            try {
                if (step.what() != null) {
                    progress.printf(Locale.ROOT, "  %5.1f s  %s%n", atMillis / 1000.0, step.what());
                    LOG.info("chaos at {} s: {}", atMillis / 1000.0, step.what());
                }
                step.action().run();
            } catch (Exception e) {
                failures.add((step.what() == null ? "the step at " + atMillis / 1000.0 + " s" : step.what()) + ": " + e);
            }
        }, atMillis, TimeUnit.MILLISECONDS);
    }
}
