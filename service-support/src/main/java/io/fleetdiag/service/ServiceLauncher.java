package io.fleetdiag.service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import io.fleetdiag.serde.SchemaRegistryException;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one service as a process: loads its settings (defaults, then the properties file given as the
 * first argument or in {@code FLEETDIAG_CONFIG}, then the environment), starts it, and keeps it up
 * until SIGTERM or a fatal error. A configuration problem ends the process with exit code 78 and one
 * line that says what to change.
 */
public final class ServiceLauncher {

    /** EX_CONFIG of sysexits.h. */
    public static final int CONFIGURATION_ERROR = 78;
    private static final Logger LOG = LoggerFactory.getLogger(ServiceLauncher.class);
    private static final Duration START_RETRY = Duration.ofSeconds(5);
    /** Longest a SIGTERM waits for the service to close; an orchestrator's own grace period may end it sooner. */
    private static final Duration CLOSE_GRACE = Duration.ofMinutes(3);

    /** Starts a service; {@code fatal} completes when it cannot go on. */
    @FunctionalInterface
    public interface Service {
        AutoCloseable start(ServiceConfig config, Map<String, String> environment, CompletableFuture<RuntimeException> fatal)
                throws Exception;
    }

    private ServiceLauncher() {
    }

    /**
     * Timeouts and retriable errors: the cluster is starting or restarting. A schema registry that answers 5xx or not at
     * all is too (two services registering at once can make Apicurio's store refuse one). An authentication failure is not
     * among them.
     */
    static boolean notReachableYet(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof RetriableException || cause instanceof SchemaRegistryException registry && registry.isTransient()) {
                return true;
            }
        }
        return false;
    }

    /** The service's settings, listed (secrets masked) and checked against their definitions before anything starts. */
    public static ServiceConfig config(String name, List<SettingsDefinition> definitions, String[] args, Map<String, String> environment) {
        Optional<Path> file = args.length > 0 ? Optional.of(Path.of(args[0]))
                : Optional.ofNullable(environment.get("FLEETDIAG_CONFIG")).map(Path::of);
        ServiceConfig config = ServiceConfig.load(SettingsDefinition.defaults(definitions),
                SettingsDefinition.keys(definitions), file, environment);
        LOG.info("{} settings: {}", name, SettingsDefinition.listing(definitions, config));
        SettingsDefinition.validate(definitions, config);
        return config;
    }

    /** Loads the settings and runs the service; returns the process exit code. */
    public static int main(String name, List<SettingsDefinition> definitions, String[] args, Service service) {
        JvmDefaults.apply();
        Map<String, String> environment = System.getenv();
        try {
            return run(name, config(name, definitions, args, environment), environment, service);
        } catch (ConfigurationException e) {
            System.err.println(name + ": " + e.getMessage());
            return CONFIGURATION_ERROR;
        }
    }

    /**
     * Runs until SIGTERM (exit 0) or a fatal error (exit 78 for configuration, 1 otherwise). A Kafka
     * cluster that does not answer yet (still starting, restarting) is waited for, not given up on.
     */
    public static int run(String name, ServiceConfig config, Map<String, String> environment, Service service) {
        CompletableFuture<RuntimeException> fatal = new CompletableFuture<>();
        CountDownLatch closed = new CountDownLatch(1);
        // the JVM halts as soon as its shutdown hooks return, so the hook waits for the close that it asked for:
        // without that, a SIGTERM ended the dispatcher before it committed "calls end now"
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            fatal.complete(null);
            awaitClosed(name, closed);
        }, name + "-shutdown"));
        try {
            return run(name, config, environment, service, fatal, START_RETRY);
        } finally {
            closed.countDown();
        }
    }

    private static void awaitClosed(String name, CountDownLatch closed) {
        try {
            if (!closed.await(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} did not close within {}; stopping without it", name, CLOSE_GRACE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @param fatal completes with null on SIGTERM, or with the error the service cannot go on after */
    static int run(String name, ServiceConfig config, Map<String, String> environment, Service service,
                   CompletableFuture<RuntimeException> fatal, Duration startRetry) {
        AutoCloseable running = null;
        while (running == null) {
            try {
                running = service.start(config, environment, fatal);
            } catch (ConfigurationException e) {
                System.err.println(name + ": " + e.getMessage());
                return CONFIGURATION_ERROR;
            } catch (Exception e) {
                if (!notReachableYet(e)) {
                    System.err.println(name + ": cannot start: " + e);
                    LOG.error("{} could not start", name, e);
                    return 1;
                }
                LOG.warn("{} cannot reach Kafka at {} or its schema registry yet ({}); trying again in {} ms", name,
                        config.find("kafka.bootstrap.servers").orElse("?"), e.getMessage(), startRetry.toMillis());
                try {
                    return stopped(name, fatal.get(startRetry.toMillis(), TimeUnit.MILLISECONDS));
                } catch (TimeoutException again) {
                    // nobody asked to stop: try once more
                } catch (InterruptedException | ExecutionException stop) {
                    return 1;
                }
            }
        }
        RuntimeException cause = fatal.join();
        try {
            running.close();
        } catch (Exception e) {
            LOG.warn("{} did not stop cleanly", name, e);
        }
        return stopped(name, cause);
    }

    private static int stopped(String name, RuntimeException cause) {
        if (cause == null) {
            return 0;
        }
        System.err.println(name + ": " + cause.getMessage());
        LOG.error("{} stopped: {}", name, cause.getMessage());
        return cause instanceof ConfigurationException ? CONFIGURATION_ERROR : 1;
    }
}
