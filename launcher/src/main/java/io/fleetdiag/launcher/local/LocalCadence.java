package io.fleetdiag.launcher.local;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How often the local run polls, checks and calls a terminal stale, derived from the size of its fleet, so that
 * {@code fleetdiag local --terminals 100000} runs at a pace the one machine holds instead of falling behind and
 * blaming the terminals (issue 23). A small fleet keeps the demo's pace, at which every alert shows within minutes;
 * a large one stretches the intervals until the two rates that cost the most stay within what 2 cores were measured
 * to hold with everything (broker, registry, simulator, three services) in one JVM.
 *
 * @param pollInterval        {@code poller.poll-interval}
 * @param checkInterval       {@code poller.check-interval}
 * @param staleAfter          {@code processor.stale-after}
 * @param checkDeadline       {@code dispatcher.check-deadline}
 * @param dispatcherPerSecond the dispatcher's cap on Terminal API calls per second over the whole fleet
 */
public record LocalCadence(int terminals, Duration pollInterval, Duration checkInterval, Duration staleAfter, Duration checkDeadline,
                           int dispatcherPerSecond) {

    /** The demo's pace: on a thousand terminals every kind of alert shows within minutes. */
    static final Duration DEMO_POLL = Duration.ofSeconds(5);
    static final Duration DEMO_CHECK = Duration.ofMinutes(1);
    /**
     * Terminals listed per second over all snapshots: the poller publishes, the broker stores and the processor reads
     * every listed terminal of every snapshot, so this rate, not the fleet, is the snapshot path's cost. 100,000 terminals
     * at 25 s polls (4,000/s) were measured to hold on this machine; at 5 s polls (20,000/s) the processor fell 204,128
     * results behind (issue 23, before presence stopped writing what did not change; raise this once a soak shows more holds).
     */
    static final int SIGHTINGS_PER_SECOND = 4_000;
    /**
     * Diagnosis calls per second the dispatcher is held to. The whole machine answered at most 326 checks/s (at 64 %
     * CPU, 100,000 terminals); 250 leaves the rest of the CPU to the processor and the broker.
     */
    static final int DISPATCHER_PER_SECOND = 250;
    /**
     * Scheduled checks take at most this share of the dispatcher's cap: Busy answers retried, host follow-ups, manual
     * checks and catching up after a pause need the rest, or every disturbance becomes a backlog.
     */
    static final double SCHEDULED_SHARE = 0.75;
    /** A terminal is stale after missing this many checks in a row, not one late answer. */
    static final int STALE_AFTER_CHECKS = 3;
    /** The demo's own deadline for a check; a longer interval extends it to one interval, after which the next check overtakes it. */
    static final Duration DEMO_CHECK_DEADLINE = Duration.ofMinutes(2);

    public LocalCadence {
        if (terminals < 0) {
            throw new IllegalArgumentException("terminals must not be negative: " + terminals);
        }
        if (!positive(pollInterval) || !positive(checkInterval) || !positive(staleAfter) || !positive(checkDeadline)
                || dispatcherPerSecond < 1) {
            throw new IllegalArgumentException("intervals and the dispatcher's cap must be positive");
        }
    }

    /**
     * Polls as often as the demo's 5 s allow while the fleet lists at most {@link #SIGHTINGS_PER_SECOND}; checks as often as
     * the demo's minute allows while scheduled checks stay within {@link #SCHEDULED_SHARE} of the dispatcher's cap. Beyond
     * that each interval grows with the fleet, so its rate stays flat (100,000 terminals: 25 s polls, 9-minute checks).
     */
    public static LocalCadence forFleet(int terminals) {
        Duration poll = max(DEMO_POLL, Duration.ofSeconds(ceilDiv(terminals, SIGHTINGS_PER_SECOND)));
        double scheduledPerSecond = DISPATCHER_PER_SECOND * SCHEDULED_SHARE;
        // whole 10 s steps: the interval is read by people, and rounding up only lowers the rate
        long checkSeconds = 10 * ceilDiv((long) Math.ceil(terminals / scheduledPerSecond), 10);
        Duration check = max(DEMO_CHECK, Duration.ofSeconds(checkSeconds));
        return new LocalCadence(terminals, poll, check, check.multipliedBy(STALE_AFTER_CHECKS), max(DEMO_CHECK_DEADLINE, check),
                DISPATCHER_PER_SECOND);
    }

    /** True when the fleet is small enough for the demo's pace. */
    public boolean demoPace() {
        return pollInterval.equals(DEMO_POLL) && checkInterval.equals(DEMO_CHECK);
    }

    /** The services' settings, the dispatcher's cap shared evenly by the fleet's merchant accounts (its limit is per account). */
    public Map<String, String> settings(int merchantAccounts) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("poller.poll-interval", text(pollInterval));
        settings.put("poller.check-interval", text(checkInterval));
        settings.put("processor.stale-after", text(staleAfter));
        settings.put("dispatcher.check-deadline", text(checkDeadline));
        settings.put("dispatcher.rate-per-merchant", number((double) dispatcherPerSecond / Math.max(1, merchantAccounts)));
        return settings;
    }

    /** Why this pace, in one line for the start-up output. */
    public String why() {
        if (demoPace()) {
            return "the demo's pace, which " + String.format(Locale.ROOT, "%,d", terminals) + " terminals leave within this machine's budget";
        }
        return String.format(Locale.ROOT, "stretched for %,d terminals so that snapshots list at most %,d terminals/s and scheduled"
                + " checks take at most %.0f%% of the dispatcher's %d calls/s", terminals, SIGHTINGS_PER_SECOND, SCHEDULED_SHARE * 100,
                dispatcherPerSecond);
    }

    /** A duration as the settings write it: 25s, 9m, 90s. */
    public static String text(Duration duration) {
        long seconds = duration.toSeconds();
        if (duration.toMillis() % 1000 != 0) {
            return duration.toMillis() + "ms";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
