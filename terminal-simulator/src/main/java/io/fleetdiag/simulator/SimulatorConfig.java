package io.fleetdiag.simulator;

import io.fleetdiag.simulator.api.LatencyModel;
import io.fleetdiag.simulator.life.LifeRates;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run the simulator.
 *
 * @param host      interface to listen on (loopback by default)
 * @param port      0 picks a free port
 * @param merchants how many merchant accounts the fleet is spread over
 * @param tick      how often the fleet's life moves on
 * @param referenceTerminals whether the fleet also holds the terminals of Adyen's examples (merchant
 *                  account ADYEN_MERCHANT_ACCOUNT), so the documents' requests can be sent as they are
 */
public record SimulatorConfig(String host, int port, int terminals, long seed, int merchants, String apiKey,
                              LatencyModel latency, LifeRates rates, Duration tick, Clock clock, boolean referenceTerminals) {

    public SimulatorConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(rates, "rates");
        Objects.requireNonNull(tick, "tick");
        Objects.requireNonNull(clock, "clock");
    }

    /** 1,000 terminals over 2 merchant accounts plus the reference terminals, a static fleet, answers after 20 ms. */
    public static SimulatorConfig defaults(String apiKey) {
        return new SimulatorConfig("127.0.0.1", 0, 1_000, 42, 2, apiKey, new LatencyModel(20, 0),
                LifeRates.staticFleet(), Duration.ofSeconds(1), Clock.systemUTC(), true);
    }

    public SimulatorConfig withTerminals(int count) {
        return new SimulatorConfig(host, port, count, seed, merchants, apiKey, latency, rates, tick, clock, referenceTerminals);
    }

    public SimulatorConfig withMerchants(int count) {
        return new SimulatorConfig(host, port, terminals, seed, count, apiKey, latency, rates, tick, clock, referenceTerminals);
    }

    public SimulatorConfig withSeed(long value) {
        return new SimulatorConfig(host, port, terminals, value, merchants, apiKey, latency, rates, tick, clock, referenceTerminals);
    }

    public SimulatorConfig withPort(int value) {
        return new SimulatorConfig(host, value, terminals, seed, merchants, apiKey, latency, rates, tick, clock, referenceTerminals);
    }

    public SimulatorConfig withHost(String value) {
        return new SimulatorConfig(value, port, terminals, seed, merchants, apiKey, latency, rates, tick, clock, referenceTerminals);
    }

    public SimulatorConfig withLatency(LatencyModel value) {
        return new SimulatorConfig(host, port, terminals, seed, merchants, apiKey, value, rates, tick, clock, referenceTerminals);
    }

    public SimulatorConfig withRates(LifeRates value) {
        return new SimulatorConfig(host, port, terminals, seed, merchants, apiKey, latency, value, tick, clock, referenceTerminals);
    }

    public SimulatorConfig withClock(Clock value) {
        return new SimulatorConfig(host, port, terminals, seed, merchants, apiKey, latency, rates, tick, value, referenceTerminals);
    }

    public SimulatorConfig withReferenceTerminals(boolean value) {
        return new SimulatorConfig(host, port, terminals, seed, merchants, apiKey, latency, rates, tick, clock, value);
    }

    public SimulatorConfig withTick(Duration value) {
        return new SimulatorConfig(host, port, terminals, seed, merchants, apiKey, latency, rates, value, clock, referenceTerminals);
    }
}
