package io.fleetdiag.simulator.fleet;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/** Lost connection to the cloud: alone (a disconnect) or with every terminal of its store (a store outage). */
public final class Offline extends UntilTrouble {

    boolean online(long now) {
        return !holds(now);
    }

    @Override
    void apply(ConditionChange change, long now) {
        if (change.online() != null) {
            until = change.online() ? 0 : FOREVER;
        }
    }

    @Override
    void report(Condition.Builder condition, long now) {
        condition.online = online(now);
    }

    /** Disconnects of one terminal. */
    public record Rates(double perHour, Range minutes) implements Episodes {
        public Rates {
            Episodes.rate("disconnects per hour", perHour);
            Objects.requireNonNull(minutes, "disconnect minutes");
        }

        @Override
        public void start(Terminal terminal, long now, RandomGenerator random) {
            long until = now + minutes.drawMinutes(random);
            terminal.start(Offline.class, now, offline -> offline.start(until));
        }
    }

    /** Outages of a whole store; the rate is per store. */
    public record StoreOutages(double perStorePerHour, Range minutes) {
        public StoreOutages {
            Episodes.rate("store outages per hour", perStorePerHour);
            Objects.requireNonNull(minutes, "store outage minutes");
        }

        /** Draws one outage starting at {@code now} and takes a store picked at random offline. */
        public void start(List<List<Terminal>> stores, long now, RandomGenerator random) {
            long until = now + minutes.drawMinutes(random);
            stores.get(random.nextInt(stores.size())).forEach(terminal -> terminal.start(Offline.class, now, offline -> offline.start(until)));
        }
    }
}
