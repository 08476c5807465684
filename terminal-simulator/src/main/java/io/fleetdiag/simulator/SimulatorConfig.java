package io.fleetdiag.simulator;

import io.fleetdiag.simulator.api.LatencyModel;
import io.fleetdiag.simulator.fleet.Fleet;
import io.fleetdiag.simulator.life.LifeRates;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * @param tls       HTTPS with this key store instead of plain HTTP; null for plain HTTP
 * @param managementApiKey the X-API-Key of the Management API ({@code /v3}); null: the Terminal API key also
 *                  has the Management API role, as Adyen allows
 */
public record SimulatorConfig(String host, int port, int terminals, long seed, int merchants, String apiKey,
                              LatencyModel latency, LifeRates rates, Duration tick, Clock clock, boolean referenceTerminals,
                              Tls tls, String managementApiKey) {

    /** The simulator's certificate and key: a PKCS12 (or JKS) key store and its password. */
    public record Tls(Path keyStore, String password) {
        public Tls {
            Objects.requireNonNull(keyStore, "keyStore");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Tls[keyStore=" + keyStore + "]";
        }
    }

    public SimulatorConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(rates, "rates");
        Objects.requireNonNull(tick, "tick");
        Objects.requireNonNull(clock, "clock");
    }

    /** The fleet this configuration describes, generated as of {@code now}: what the simulator serves, and what a test draws from. */
    public Fleet fleet(Instant now) {
        return referenceTerminals
                ? Fleet.generateWithReferenceTerminals(terminals, seed, merchants, rates.sdkExpiry(), now)
                : Fleet.generate(terminals, seed, merchants, rates.sdkExpiry(), now);
    }

    /** 1,000 terminals over 2 merchant accounts plus the reference terminals, a static fleet, answers after 20 ms. */
    public static SimulatorConfig defaults(String apiKey) {
        return new SimulatorConfig("127.0.0.1", 0, 1_000, 42, 2, apiKey, new LatencyModel(20, 0),
                LifeRates.staticFleet(), Duration.ofSeconds(1), Clock.systemUTC(), true, null, null);
    }

    public SimulatorConfig withTerminals(int count) {
        return new SimulatorConfig(host, port, count, seed, merchants, apiKey, latency, rates, tick, clock, referenceTerminals, tls, managementApiKey);
    }

    public SimulatorConfig withMerchants(int count) {
        return new SimulatorConfig(host, port, terminals, seed, count, apiKey, latency, rates, tick, clock, referenceTerminals, tls, managementApiKey);
    }

    public SimulatorConfig withSeed(long value) {
        return new SimulatorConfig(host, port, terminals, value, merchants, apiKey, latency, rates, tick, clock, referenceTerminals, tls, managementApiKey);
    }

    public SimulatorConfig withPort(int value) {
        return new SimulatorConfig(host, value, terminals, seed, merchants, apiKey, latency, rates, tick, clock, referenceTerminals, tls, managementApiKey);
    }

    public SimulatorConfig withHost(String value) {
        return new SimulatorConfig(value, port, terminals, seed, merchants, apiKey, latency, rates, tick, clock, referenceTerminals, tls, managementApiKey);
    }

    public SimulatorConfig withLatency(LatencyModel value) {
        return new SimulatorConfig(host, port, terminals, seed, merchants, apiKey, value, rates, tick, clock, referenceTerminals, tls, managementApiKey);
    }

    public SimulatorConfig withRates(LifeRates value) {
        return new SimulatorConfig(host, port, terminals, seed, merchants, apiKey, latency, value, tick, clock, referenceTerminals, tls, managementApiKey);
    }

    public SimulatorConfig withClock(Clock value) {
        return new SimulatorConfig(host, port, terminals, seed, merchants, apiKey, latency, rates, tick, value, referenceTerminals, tls, managementApiKey);
    }

    public SimulatorConfig withReferenceTerminals(boolean value) {
        return new SimulatorConfig(host, port, terminals, seed, merchants, apiKey, latency, rates, tick, clock, value, tls, managementApiKey);
    }

    public SimulatorConfig withTick(Duration value) {
        return new SimulatorConfig(host, port, terminals, seed, merchants, apiKey, latency, rates, value, clock, referenceTerminals, tls, managementApiKey);
    }

    public SimulatorConfig withTls(Tls value) {
        return new SimulatorConfig(host, port, terminals, seed, merchants, apiKey, latency, rates, tick, clock, referenceTerminals, value, managementApiKey);
    }

    public SimulatorConfig withManagementApiKey(String value) {
        return new SimulatorConfig(host, port, terminals, seed, merchants, apiKey, latency, rates, tick, clock, referenceTerminals, tls, value);
    }
}
