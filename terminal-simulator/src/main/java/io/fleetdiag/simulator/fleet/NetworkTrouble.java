package io.fleetdiag.simulator.fleet;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The acquirer host unreachable: payments taken meanwhile stay unconfirmed. A terminal confirms them
 * when the host is back; a Mobile SDK only on its next host diagnosis, which store-and-forward
 * payments also wait for.
 */
public final class NetworkTrouble extends Trouble {

    private final boolean confirmsOnReconnect;
    private boolean hostReachable = true;
    private long until;
    private int unconfirmed;
    /** When the newest unconfirmed payment was completed, for iOS's capture-retry wait. */
    private long unconfirmedSince;

    NetworkTrouble(boolean mobile) {
        this.confirmsOnReconnect = !mobile;
    }

    boolean hostReachable() {
        return hostReachable;
    }

    int unconfirmed() {
        return unconfirmed;
    }

    /** Whether iOS still leaves the unconfirmed payments for a later diagnosis (Adyen's wait before a capture retry). */
    boolean waitingForCapture(long now, long captureWaitMs) {
        return unconfirmed > 0 && now - unconfirmedSince < captureWaitMs;
    }

    void addUnconfirmed(int payments) {
        unconfirmed += payments;
    }

    void confirmAll() {
        unconfirmed = 0;
    }

    void start(long until, int payments) {
        if (hostReachable) {
            hostReachable = false;
            this.until = until;
            unconfirmed += payments;
        }
    }

    @Override
    boolean advance(long now) {
        if (!hostReachable && now >= until) {
            hostReachable = true;
            if (confirmsOnReconnect) {
                unconfirmed = 0;
            }
        }
        return !hostReachable;
    }

    @Override
    void apply(ConditionChange change, long now) {
        if (change.unconfirmed() != null) {
            unconfirmed = Math.max(0, change.unconfirmed());
            unconfirmedSince = now;
            until = FOREVER;
        }
        if (change.hostReachable() != null) {
            hostReachable = change.hostReachable();
            until = FOREVER;
        }
    }

    @Override
    void report(Condition.Builder condition, long now) {
        condition.hostReachable = hostReachable;
        condition.unconfirmedBatchCount = unconfirmed;
    }

    public record Rates(double perHour, Range minutes, Range unconfirmedPayments) implements Episodes {
        public Rates {
            Episodes.rate("network troubles per hour", perHour);
            Objects.requireNonNull(minutes, "network trouble minutes");
            Objects.requireNonNull(unconfirmedPayments, "unconfirmed payments");
        }

        @Override
        public void start(Terminal terminal, long now, RandomGenerator random) {
            long until = now + minutes.drawMinutes(random);
            int payments = (int) Math.round(unconfirmedPayments.draw(random));
            terminal.start(NetworkTrouble.class, now, network -> network.start(until, payments));
        }
    }
}
