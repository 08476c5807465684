package io.fleetdiag.simulator.fleet;

import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A Mobile SDK taking payments offline (store-and-forward): they stay unconfirmed until a host
 * diagnosis forwards them, and expire at {@code expiresAt} if none does.
 */
public final class StoreAndForward extends Trouble {

    private static final String SUCCESS = "Success";
    private static final String CONNECTIVITY_FAILURE = "Connectivity failure";

    private boolean active;
    private Instant expiresAt;
    private String forwardAttemptStatus;
    private long until;
    private String lastHostForwardAttemptStatus;

    /** Whether it started: it does not while already active. */
    boolean start(long until, Instant expiresAt) {
        if (active) {
            return false;
        }
        active = true;
        this.until = until;
        this.expiresAt = expiresAt;
        forwardAttemptStatus = CONNECTIVITY_FAILURE;
        return true;
    }

    /** A host diagnosis forwarded what was stored; a failed earlier attempt is retried too, so the last attempt is a success. */
    void forwarded(boolean paymentsWaiting) {
        if (paymentsWaiting || active || (forwardAttemptStatus != null && !SUCCESS.equals(forwardAttemptStatus))) {
            forwardAttemptStatus = SUCCESS;
        }
    }

    @Override
    boolean advance(long now) {
        if (active && now >= until) {
            active = false;
        }
        return active;
    }

    @Override
    void apply(ConditionChange change, long now) {
        if (change.storeAndForwardActive() != null) {
            active = change.storeAndForwardActive();
            until = FOREVER;
        }
        if (change.offlineExpiresAt() != null) {
            expiresAt = change.offlineExpiresAt();
        }
        if (change.forwardAttemptStatus() != null) {
            forwardAttemptStatus = change.forwardAttemptStatus();
        }
    }

    @Override
    void report(Condition.Builder condition, long now) {
        condition.storeAndForward = new Condition.StoreAndForward(true, active, expiresAt, forwardAttemptStatus);
    }

    @Override
    void hostDiagnosis(boolean hostReachable) {
        if (hostReachable) {
            active = false;
            expiresAt = null;
        } else {
            forwardAttemptStatus = CONNECTIVITY_FAILURE;
        }
        lastHostForwardAttemptStatus = forwardAttemptStatus;
    }

    @Override
    void reportHostView(Condition.Builder condition) {
        condition.storeAndForward = new Condition.StoreAndForward(true, active, expiresAt, lastHostForwardAttemptStatus);
    }

    public record Rates(double perHour, Range minutes, Range offlineExpiryHours) implements Episodes {
        public Rates {
            Episodes.rate("store-and-forward episodes per hour", perHour);
            Objects.requireNonNull(minutes, "store-and-forward minutes");
            Objects.requireNonNull(offlineExpiryHours, "offline expiry hours");
        }

        @Override
        public void start(Terminal terminal, long now, RandomGenerator random) {
            long until = now + minutes.drawMinutes(random);
            Instant expiresAt = Instant.ofEpochMilli(now + (long) (offlineExpiryHours.draw(random) * 3_600_000.0));
            int payments = 1 + random.nextInt(5);
            terminal.start(StoreAndForward.class, now, storeAndForward -> {
                if (storeAndForward.start(until, expiresAt)) {
                    terminal.trouble(NetworkTrouble.class).addUnconfirmed(payments);
                }
            });
        }
    }
}
