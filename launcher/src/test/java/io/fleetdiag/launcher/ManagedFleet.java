package io.fleetdiag.launcher;

import io.fleetdiag.poller.PollerService;
import io.fleetdiag.processor.ProcessorService;
import io.fleetdiag.simulator.SimulatorConfig;
import io.fleetdiag.terminalapi.TerminalApiClient;
import io.fleetdiag.teststack.Testbed;
import io.fleetdiag.testsupport.TestCluster;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A test's fleet with Adyen's Management API in the simulator (its inventory and terminal actions), on the real cluster: the
 * processor and the poller started on it as the inventory and reboot ITs need them, closed with the test bed.
 */
final class ManagedFleet implements AutoCloseable {

    static final String KEY = "AQEmanaged-terminal-key";
    static final String MANAGEMENT_KEY = "AQEmanaged-management-key";

    private final Testbed bed;
    private final Path stateDir;

    private ManagedFleet(Testbed bed, Path stateDir) {
        this.bed = bed;
        this.stateDir = stateDir;
    }

    /** @param stateDir where the processor keeps its state, so a processor started again finds it */
    static ManagedFleet start(TestCluster cluster, String name, int terminals, Path stateDir) throws Exception {
        return new ManagedFleet(Testbed.start(cluster, name, SimulatorConfig.defaults(KEY).withTerminals(terminals).withMerchants(1)
                .withReferenceTerminals(false).withManagementApiKey(MANAGEMENT_KEY)), stateDir);
    }

    Testbed bed() {
        return bed;
    }

    /** A processor of this fleet's application with a 100 ms commit interval and {@code settings} over that. */
    ProcessorService processor(Map<String, String> settings, Map<String, String> environment) throws Exception {
        Map<String, String> all = new HashMap<>(Map.of(
                "processor.application-id", bed.prefix() + "processor",
                "processor.state-dir", stateDir.toString(),
                "processor.commit-interval", "100ms"));
        all.putAll(settings);
        return bed.keep(ProcessorService.start(bed.config(ProcessorService.defaults(), all), environment, new CompletableFuture<>()));
    }

    /** The poller, listing the inventory from the Management API as well as polling the terminals. */
    PollerService poller() throws Exception {
        return bed.keep(PollerService.start(bed.config(PollerService.defaults(), bed.pollerSettings()),
                TerminalApiClient.create(bed.terminalApi(KEY)), Map.of("MANAGEMENT_API_KEY", MANAGEMENT_KEY), new CompletableFuture<>()));
    }

    @Override
    public void close() throws Exception {
        bed.close();
    }
}
