package io.fleetdiag.simulator;

import io.fleetdiag.service.access.Authenticator;
import io.fleetdiag.service.http.HttpPolicy;
import io.fleetdiag.service.http.RequestGuard;
import io.fleetdiag.service.http.Route;
import io.fleetdiag.service.http.RouteHandler;
import io.fleetdiag.service.http.RouteTable;
import io.fleetdiag.simulator.api.EventNotifier;
import io.fleetdiag.simulator.api.ManagementWebhooks;
import io.fleetdiag.simulator.api.SimulatedCloud;
import io.fleetdiag.simulator.api.SimulatorRoutes;
import io.fleetdiag.simulator.api.SimulatorStats;
import io.fleetdiag.simulator.fleet.Condition;
import io.fleetdiag.simulator.fleet.ConditionChange;
import io.fleetdiag.simulator.fleet.Fleet;
import io.fleetdiag.simulator.fleet.Terminal;
import io.fleetdiag.simulator.inventory.Inventory;
import io.fleetdiag.simulator.life.FleetLife;
import io.fleetdiag.simulator.life.LifeRates;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Adyen's cloud with a synthetic fleet behind it, embedded: tests, benchmarks and the local run start
 * and stop it in-process; {@link SimulatorMain} runs the same standalone.
 */
public final class TerminalSimulator implements AutoCloseable {

    // longer than any stall or latency the simulator is told to produce, so Jetty never cuts an answer short
    private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);
    private static final int MAX_BODY = 1 << 20;

    private final Server server;
    private final ServerConnector connector;
    private final boolean tls;
    private final SimulatedCloud cloud;
    private final FleetLife life;
    private final ScheduledExecutorService scheduler;

    private TerminalSimulator(Server server, ServerConnector connector, boolean tls, SimulatedCloud cloud, FleetLife life,
                              ScheduledExecutorService scheduler) {
        this.server = server;
        this.connector = connector;
        this.tls = tls;
        this.cloud = cloud;
        this.life = life;
        this.scheduler = scheduler;
    }

    public static TerminalSimulator start(SimulatorConfig config) throws Exception {
        Fleet fleet = config.fleet(config.clock().instant());
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "simulator-answers");
            thread.setDaemon(true);
            return thread;
        });
        Inventory inventory = Inventory.of(fleet, config.clock().instant(), config.seed());
        SimulatedCloud cloud = new SimulatedCloud(fleet, inventory, config.apiKey(), config.managementApiKey(), config.latency(),
                config.clock(), scheduler);
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("simulator-http");
        threads.setDaemon(true);
        Server server = new Server(threads);
        ServerConnector connector = config.tls() == null ? new ServerConnector(server) : new ServerConnector(server, sslContext(config.tls()));
        connector.setHost(config.host());
        connector.setPort(config.port());
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        connector.setAcceptQueueSize(1024);
        server.addConnector(connector);
        // Adyen's requests are small; the limit only keeps a runaway body from being read. Any Host: the services
        // call it by whatever name their deployment gives it (a test tool, published on loopback only)
        List<Route> routes = SimulatorRoutes.of(cloud).stream().map(route -> route.method().equals("POST") ? route.accepting(MAX_BODY) : route).toList();
        server.setHandler(new RouteHandler(new RouteTable(routes), Authenticator.none(), HttpPolicy.defaults().withGuard(RequestGuard.anyHost())));
        server.start();
        FleetLife life = new FleetLife(fleet, config.rates(), config.clock(), config.seed());
        if (!config.rates().equals(LifeRates.staticFleet())) {
            life.start(config.tick());
        }
        return new TerminalSimulator(server, connector, config.tls() != null, cloud, life, scheduler);
    }

    private static SslContextFactory.Server sslContext(SimulatorConfig.Tls tls) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(tls.keyStore().toAbsolutePath().toString());
        ssl.setKeyStorePassword(tls.password());
        return ssl;
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** The base URL of both API flavours ({@code /sync}, {@code /v1/...}) and of {@code /admin}; {@code /v3} is the Management API. */
    public URI baseUrl() {
        String host = connector.getHost() == null ? "127.0.0.1" : connector.getHost();
        return URI.create((tls ? "https://" : "http://") + host + ":" + port());
    }

    public Fleet fleet() {
        return cloud.fleet();
    }

    public SimulatorStats stats() {
        return cloud.stats();
    }

    public SimulatedCloud cloud() {
        return cloud;
    }

    public FleetLife life() {
        return life;
    }

    /**
     * From now on the terminals send Terminal API event notifications to {@code target} when their troubles start and end
     * (network lost and back, tamper switches, software updates), a share of them twice, as {@code POST /admin/events} does.
     */
    public EventNotifier sendEventsTo(EventNotifier.Target target, double resendShare) {
        return cloud.sendEventsTo(target, resendShare, 1);
    }

    /** The same, each resent notification sent {@code resends} more times (a flood of resends). */
    public EventNotifier sendEventsTo(EventNotifier.Target target, double resendShare, int resends) {
        return cloud.sendEventsTo(target, resendShare, resends);
    }

    /**
     * From now on reassignments, boardings and settings changes of the inventory ({@code SimulatedCloud.reassign}, {@code board},
     * {@code restartAt}, or their admin routes) are POSTed to {@code target} as signed Management webhooks.
     */
    public ManagementWebhooks sendWebhooksTo(ManagementWebhooks.Target target) {
        return cloud.sendWebhooksTo(target);
    }

    /** Sets a terminal's condition, as {@code POST /admin/terminals/{poiid}} does. */
    public void set(String poiid, ConditionChange change) {
        terminal(poiid).apply(change, cloud.clock().millis());
    }

    public Condition condition(String poiid) {
        return terminal(poiid).condition(cloud.clock().millis());
    }

    private Terminal terminal(String poiid) {
        return cloud.fleet().terminal(poiid).orElseThrow(() -> new IllegalArgumentException("No terminal " + poiid));
    }

    @Override
    public void close() throws Exception {
        life.close();
        server.stop();
        scheduler.shutdownNow();
    }
}
