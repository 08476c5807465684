package io.fleetdiag.simulator.life;

import io.fleetdiag.simulator.fleet.Episodes;
import io.fleetdiag.simulator.fleet.Fleet;
import io.fleetdiag.simulator.fleet.Terminal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the fleet live: every tick it ends episodes that are over, moves batteries on, and starts new
 * episodes. The number of new episodes of a kind in a tick is drawn from a Poisson distribution with
 * mean rate x terminals x tick, each landing on a terminal picked at random (a no-op where the kind
 * does not apply to the model), so the cost of a tick grows with what happens, not with the fleet.
 */
public final class FleetLife implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FleetLife.class);
    private static final double MS_PER_HOUR = 3_600_000.0;

    private final List<Terminal> terminals;
    private final List<List<Terminal>> stores;
    private final LifeRates rates;
    /** Drawn from in this order every tick; built once, as the rates do not change. */
    private final List<Episodes> episodes;
    private final Clock clock;
    private final SplittableRandom random;
    private final ScheduledExecutorService ticker;
    private long lastTick;

    public FleetLife(Fleet fleet, LifeRates rates, Clock clock, long seed) {
        this.terminals = fleet.terminals();
        this.stores = fleet.stores();
        this.rates = rates;
        this.episodes = rates.episodes();
        this.clock = clock;
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "simulator-life");
            thread.setDaemon(true);
            return thread;
        });
        this.lastTick = clock.millis();
    }

    public void start(Duration tick) {
        ticker.scheduleAtFixedRate(this::safeTick, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.error("Simulator life tick failed; the next tick carries on", e);
        }
    }

    /** One step of the fleet's life; public for tests that step time themselves. */
    public void tick() {
        long now = clock.millis();
        double hours = Math.max(0, now - lastTick) / MS_PER_HOUR;
        lastTick = now;
        if (terminals.isEmpty()) {
            return;
        }
        for (Terminal terminal : terminals) {
            terminal.advance(now, hours, rates.battery(), random);
        }
        for (Episodes kind : episodes) {
            long count = poisson(kind.perHour() * hours * terminals.size());
            for (long i = 0; i < count; i++) {
                kind.start(terminals.get(random.nextInt(terminals.size())), now, random);
            }
        }
        long outages = poisson(rates.storeOutages().perStorePerHour() * hours * stores.size());
        for (long i = 0; i < outages; i++) {
            rates.storeOutages().start(stores, now, random);
        }
    }

    private long poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        long count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    private double gaussian() {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
