package io.fleetdiag.simulator.fleet;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * In the middle of a sale: busy until an instant, or for the next {@code busyCalls} diagnosis calls
 * whenever they come. Sales only start on a terminal that is online.
 */
public final class Busy extends Trouble {

    private long until;
    private int calls;

    void start(long until) {
        if (this.until < until) {
            this.until = until;
        }
    }

    /** Counts down a busy answer given for the busy calls, if any are left. */
    void answered() {
        if (calls > 0) {
            calls--;
        }
    }

    @Override
    void apply(ConditionChange change, long now) {
        if (change.busy() != null) {
            until = change.busy() ? FOREVER : 0;
        }
        if (change.busyForMs() != null) {
            until = now + change.busyForMs();
        }
        if (change.busyCalls() != null) {
            calls = Math.max(0, change.busyCalls());
        }
    }

    @Override
    void report(Condition.Builder condition, long now) {
        condition.busy = (until != 0 && now < until) || calls > 0;
    }

    /** Sales of one terminal. */
    public record Rates(double perHour, Range seconds) implements Episodes {
        public Rates {
            Episodes.rate("sales per hour", perHour);
            Objects.requireNonNull(seconds, "sale seconds");
        }

        @Override
        public void start(Terminal terminal, long now, RandomGenerator random) {
            long until = now + seconds.drawSeconds(random);
            terminal.start(Busy.class, now, busy -> {
                if (terminal.trouble(Offline.class).online(now)) {
                    busy.start(until);
                }
            });
        }
    }
}
