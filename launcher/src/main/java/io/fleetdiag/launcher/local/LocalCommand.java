package io.fleetdiag.launcher.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import io.fleetdiag.service.ConfigurationException;
import io.fleetdiag.service.ServiceLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fleetdiag local}: the whole system in one JVM on the embedded default. */
@Command(name = "local", mixinStandardHelpOptions = true,
        description = {"Run everything in this JVM: a KRaft broker, the schema registry, the terminal simulator and the three services.",
                "The intervals follow --terminals: up to 11,250 terminals the demo's pace (5 s polls, 1-minute checks, stale after 3"
                        + " minutes); beyond, as long as this machine holds (100,000 terminals: 25 s polls, 9-minute checks, stale after"
                        + " 27 minutes). The start-up output says which; --set changes any setting (docs/configuration.md)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped with Ctrl-C", "1:could not start or a service failed", "78:a wrong --set (EX_CONFIG)"})
public final class LocalCommand implements Callable<Integer> {

    @Option(names = "--terminals", defaultValue = "1000", description = "Simulated terminals (default ${DEFAULT-VALUE}).")
    int terminals;

    @Option(names = "--data-dir", defaultValue = ".fleetdiag", description = "Kafka log, registry, processor state and logs; kept across restarts (default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--http-port", defaultValue = "8080", description = "REST API (default ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--kafka-port", defaultValue = "9092", description = "Kafka; the controller takes the next port (default ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--registry-port", defaultValue = "8081", description = "Schema registry (default ${DEFAULT-VALUE}).")
    int registryPort;

    @Option(names = "--simulator-port", defaultValue = "8089", description = "Terminal simulator (default ${DEFAULT-VALUE}).")
    int simulatorPort;

    @Option(names = "--profile", defaultValue = "demo", description = "How the fleet lives: demo, realistic or static (default ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the fleet; the same seed gives the same terminals (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--set", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "A setting of the services, over the derived cadence (repeatable), e.g. --set poller.check-interval=5m;"
                    + " every setting is in docs/configuration.md.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--lake", description = "Also run the analytics lake: a Connect worker writing Iceberg tables to <data-dir>/lake (docs/lake.md).")
    boolean lake;

    @Option(names = "--lake-port", defaultValue = "8083", description = "With --lake: the Connect worker's REST API (default ${DEFAULT-VALUE}).")
    int lakePort;

    @Option(names = "--notify", paramLabel = "URL", description = "Also run the notifier, telling every alert to the Alertmanager at URL"
            + " (e.g. http://localhost:9093; docs/notifications.md).")
    String notifyAlertmanager;

    @Option(names = "--notify-routing", paramLabel = "FILE", description = "Also run the notifier with this routing file (docs/notifications.md).")
    Path notifyRouting;

    @Override
    public Integer call() throws Exception {
        System.setProperty("fleetdiag.log.dir", dataDir.resolve("logs").toAbsolutePath().toString());
        PrintStream out = System.out;
        boolean screen = System.console() != null;
        int[] step = {0};
        Optional<Path> routing;
        try {
            routing = NotifyOption.routing(notifyAlertmanager, notifyRouting, dataDir);
        } catch (IllegalArgumentException e) {
            System.err.println("fleetdiag: " + e.getMessage());
            return 2;
        }
        int steps = routing.isPresent() ? 6 : 5;
        LocalStack.Options options = new LocalStack.Options(terminals, dataDir, httpPort, kafkaPort, registryPort, simulatorPort, seed, profile,
                settings, routing);
        try {
            options.serviceSettings().describe(line -> out.println("fleetdiag local: " + line));
        } catch (ConfigurationException e) {
            System.err.println("fleetdiag: " + e.getMessage());
            return ServiceLauncher.CONFIGURATION_ERROR;
        }
        LocalStack stack;
        try {
            stack = LocalStack.start(options,
                    what -> {
                        out.printf(screen ? "\r\033[K[%d/%d] %s ..." : "[%d/%d] %s ...%n", ++step[0], steps, what);
                        out.flush();
                    });
        } catch (LocalStartException e) {
            System.err.println((screen ? "\n" : "") + "fleetdiag: " + e.getMessage());
            return 1;
        }
        LocalLake localLake = null;
        if (lake) {
            try {
                localLake = LocalLake.start(stack, dataDir, lakePort);
            } catch (LocalStartException e) {
                stack.close();
                System.err.println((screen ? "\n" : "") + "fleetdiag: " + e.getMessage());
                return 1;
            }
        }
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "fleetdiag-local-stop"));
        stack.fatal().thenAccept(cause -> stop.countDown());
        String header = String.format("fleetdiag local: %d terminals (%s) | Kafka %s | REST http://127.0.0.1:%d | logs %s | Ctrl-C stops",
                terminals, profile, stack.bootstrapServers(), stack.httpPort(), dataDir.resolve("logs"));
        out.println((screen ? "\r\033[K" : "") + header);
        out.println("fleetdiag local: dashboard " + dashboardUrl(stack.httpPort()));
        if (localLake != null) {
            out.printf("fleetdiag local: lake at %s (worker log %s); rows appear within a minute. Query it with:%n"
                            + "  ./fleetdiag lake query --data-dir %s \"SELECT type, count(*) FROM terminal_alerts GROUP BY 1\"%n",
                    localLake.warehouse(), localLake.log(), dataDir);
        }
        try (LiveSummary summary = new LiveSummary(stack, out, screen ? new SummaryView(columns(), ZoneId.systemDefault()) : null)) {
            summary.start();
            stop.await();
        } finally {
            out.println("\nfleetdiag: stopping ...");
            if (localLake != null) {
                localLake.close();
            }
            stack.close();
            stopped.countDown();
        }
        RuntimeException cause = stack.fatal().getNow(null);
        if (cause != null) {
            System.err.println("fleetdiag: " + cause.getMessage());
            return 1;
        }
        return 0;
    }

    static String dashboardUrl(int httpPort) {
        return "http://127.0.0.1:" + httpPort + "/dashboard/";
    }

    /** The terminal's width where the shell exports it; lines are cut to it so that a redraw never wraps. */
    private static int columns() {
        try {
            return Math.max(40, Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "120").trim()));
        } catch (NumberFormatException e) {
            return 120;
        }
    }
}
