package io.fleetdiag.teststack;

import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.simulator.SimulatorConfig;
import io.fleetdiag.simulator.TerminalSimulator;
import io.fleetdiag.terminalapi.ApiFlavour;
import io.fleetdiag.terminalapi.ApiKey;
import io.fleetdiag.terminalapi.TerminalApiConfig;
import io.fleetdiag.testsupport.Closer;
import io.fleetdiag.testsupport.TestCluster;
import io.fleetdiag.topics.TopicCatalog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One integration test's share of the test cluster: topics under its own prefix and their catalogue, a
 * terminal simulator, and whatever the test starts, closed in reverse order when the test ends.
 */
public final class Testbed implements AutoCloseable {

    private final Closer resources = new Closer();
    private final TestCluster cluster;
    private final String prefix;
    private final TopicCatalog catalog;
    private final TerminalSimulator simulator;

    private Testbed(TestCluster cluster, String prefix, SimulatorConfig simulator) throws Exception {
        this.cluster = cluster;
        this.prefix = prefix;
        this.catalog = TopicCatalog.prefixed(prefix, cluster.schemaRegistryUrl());
        this.simulator = keep(TerminalSimulator.start(simulator));
    }

    /** {@code name} starts the topic prefix, so a test's topics say whose they are. */
    public static Testbed start(TestCluster cluster, String name, SimulatorConfig simulator) throws Exception {
        return new Testbed(cluster, cluster.uniqueName(name) + ".", simulator);
    }

    public TestCluster cluster() {
        return cluster;
    }

    /** Starts every topic name, group and transactional id of this test. */
    public String prefix() {
        return prefix;
    }

    public TopicCatalog catalog() {
        return catalog;
    }

    public TerminalSimulator simulator() {
        return simulator;
    }

    public <T extends AutoCloseable> T keep(T resource) {
        return resources.keep(resource);
    }

    /** For a resource the test closed itself, e.g. to stop a service mid-test. */
    public void forget(AutoCloseable resource) {
        resources.forget(resource);
    }

    /** A service's settings: its defaults, then this test's cluster and prefix, then each of {@code settings} in turn. */
    @SafeVarargs
    public final ServiceConfig config(List<Map<String, String>> defaults, Map<String, String>... settings) {
        Map<String, String> values = new HashMap<>();
        defaults.forEach(values::putAll);
        values.putAll(cluster.serviceSettings(prefix));
        for (Map<String, String> more : settings) {
            values.putAll(more);
        }
        return ServiceConfig.of(values);
    }

    /**
     * The poller's settings against the simulator: every merchant account polled each second, the shortest
     * lease the broker allows (its minimum session timeout), and the simulator's Management API as the inventory source.
     */
    public Map<String, String> pollerSettings() {
        return Map.of(
                "poller.scopes", String.join(",", simulator.fleet().merchantAccounts()),
                "poller.poll-interval", "1s",
                "poller.lease-timeout", "6s",
                "poller.transactional-id", prefix + "poller",
                "inventory.endpoint", simulator.baseUrl() + "/v3",
                "adyen.allow-plain-http", "true");
    }

    /** The simulator's Terminal API with {@code key}, over the plain HTTP it serves. */
    public TerminalApiConfig terminalApi(String key) {
        return TerminalApiConfig.of(simulator.baseUrl(), ApiFlavour.TERMINAL_API, ApiKey.of(key), true);
    }

    @Override
    public void close() throws Exception {
        resources.close();
    }
}
