package io.fleetdiag.simulator.fleet;

import java.util.Objects;
import java.util.random.RandomGenerator;

/** An iOS Mobile SDK's asynchronous capture failing; a host diagnosis retries it. */
public final class AsyncCaptureFailure extends Trouble {

    private static final String SUCCESS = "Success";

    private String status = SUCCESS;
    private long until;
    private String lastHostStatus = SUCCESS;

    void start(long until) {
        if (SUCCESS.equals(status)) {
            status = "Connectivity Failure";
            this.until = until;
        }
    }

    @Override
    boolean advance(long now) {
        if (!SUCCESS.equals(status) && now >= until) {
            status = SUCCESS;
        }
        return !SUCCESS.equals(status);
    }

    @Override
    void apply(ConditionChange change, long now) {
        if (change.asyncCaptureStatus() != null) {
            status = change.asyncCaptureStatus();
            until = FOREVER;
        }
    }

    @Override
    void report(Condition.Builder condition, long now) {
        condition.asyncCaptureStatus = status;
    }

    @Override
    void hostDiagnosis(boolean hostReachable) {
        if (hostReachable) {
            status = SUCCESS;
        }
        lastHostStatus = status;
    }

    @Override
    void reportHostView(Condition.Builder condition) {
        condition.asyncCaptureStatus = lastHostStatus;
    }

    public record Rates(double perHour, Range minutes) implements Episodes {
        public Rates {
            Episodes.rate("async capture failures per hour", perHour);
            Objects.requireNonNull(minutes, "async capture failure minutes");
        }

        @Override
        public void start(Terminal terminal, long now, RandomGenerator random) {
            long until = now + minutes.drawMinutes(random);
            terminal.start(AsyncCaptureFailure.class, now, capture -> capture.start(until));
        }
    }
}
