package io.fleetdiag.simulator;

import io.fleetdiag.simulator.api.LatencyModel;
import io.fleetdiag.simulator.life.LifeRates;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar terminal-simulator.jar --port P --terminals N --seed S --api-key K}. */
@Command(name = "terminal-simulator", mixinStandardHelpOptions = true,
        description = "Adyen's cloud Terminal API (and Cloud device API) with a synthetic terminal fleet behind it.")
public final class SimulatorMain implements Callable<Integer> {

    @Option(names = "--port", description = "Port to listen on (default ${DEFAULT-VALUE}).", defaultValue = "8089")
    int port;

    @Option(names = "--host", description = "Interface to listen on (default ${DEFAULT-VALUE}).", defaultValue = "127.0.0.1")
    String host;

    @Option(names = "--terminals", description = "Fleet size (default ${DEFAULT-VALUE}).", defaultValue = "1000")
    int terminals;

    @Option(names = "--merchants", description = "Merchant accounts the fleet is spread over (default ${DEFAULT-VALUE}).", defaultValue = "2")
    int merchants;

    @Option(names = "--seed", description = "Seed of the synthetic fleet (default ${DEFAULT-VALUE}).", defaultValue = "42")
    long seed;

    @Option(names = "--api-key", description = "The X-API-Key callers must send; else $SIMULATOR_API_KEY.")
    String apiKey;

    @Option(names = "--management-api-key",
            description = "The X-API-Key of the Management API (/v3/terminals); else $SIMULATOR_MANAGEMENT_API_KEY, else the --api-key.")
    String managementApiKey;

    @Option(names = "--profile", description = "static, realistic or demo (default ${DEFAULT-VALUE}).", defaultValue = "realistic")
    String profile;

    @Option(names = "--latency-median-ms", description = "Median diagnosis latency (default ${DEFAULT-VALUE}).", defaultValue = "1000")
    long latencyMedianMs;

    @Option(names = "--latency-sigma", description = "Log-normal spread of the latency (default ${DEFAULT-VALUE}).", defaultValue = "0.3")
    double latencySigma;

    @Option(names = "--tls-keystore", description = "Serve HTTPS with this PKCS12 key store (password in $SIMULATOR_TLS_PASSWORD).")
    Path tlsKeyStore;

    public static void main(String[] args) {
        System.setProperty("log4j2.configurationFile", System.getProperty("log4j2.configurationFile", "simulator-log4j2.xml"));
        System.exit(new CommandLine(new SimulatorMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        String key = apiKey != null ? apiKey : System.getenv("SIMULATOR_API_KEY");
        if (key == null || key.isBlank()) {
            System.err.println("terminal-simulator: give the API key callers must use with --api-key or $SIMULATOR_API_KEY");
            return 2;
        }
        SimulatorConfig config = SimulatorConfig.defaults(key)
                .withHost(host).withPort(port).withTerminals(terminals).withMerchants(merchants).withSeed(seed)
                .withRates(LifeRates.named(profile))
                .withLatency(new LatencyModel(latencyMedianMs, latencySigma))
                .withManagementApiKey(managementApiKey != null ? managementApiKey : System.getenv("SIMULATOR_MANAGEMENT_API_KEY"));
        if (tlsKeyStore != null) {
            String password = System.getenv("SIMULATOR_TLS_PASSWORD");
            if (password == null) {
                System.err.println("terminal-simulator: give the key store's password in $SIMULATOR_TLS_PASSWORD");
                return 2;
            }
            config = config.withTls(new SimulatorConfig.Tls(tlsKeyStore, password));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (TerminalSimulator simulator = TerminalSimulator.start(config)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "simulator-shutdown"));
            System.out.printf("terminal-simulator: %d terminals over %s on %s (profile %s); admin API at %s/admin/stats%n",
                    simulator.fleet().size(), simulator.fleet().merchantAccounts(), simulator.baseUrl(), profile, simulator.baseUrl());
            stopped.await();
        }
        return 0;
    }
}
