package io.fleetdiag.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.poller.PollerService;
import io.fleetdiag.processor.ProcessorService;
import io.fleetdiag.simulator.SimulatorConfig;
import io.fleetdiag.terminalapi.TerminalApiClient;
import io.fleetdiag.teststack.Testbed;
import io.fleetdiag.testsupport.RecordCollector;
import io.fleetdiag.testsupport.TestCluster;
import io.fleetdiag.topics.Topic;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A test's simulated fleet (one merchant, no reference terminals) on the real cluster, polled from the connected lists alone
 * (no inventory source): the processor and the poller started on it as the end-to-end ITs of the poller's inputs need them,
 * and collectors of what they write, all closed with the test bed.
 */
final class PolledFleet implements AutoCloseable {

    private final Testbed bed;
    private final Path stateDir;

    private PolledFleet(Testbed bed, Path stateDir) {
        this.bed = bed;
        this.stateDir = stateDir;
    }

    /** @param stateDir where the processor keeps its state */
    static PolledFleet start(TestCluster cluster, String name, String key, int terminals, Path stateDir) throws Exception {
        return new PolledFleet(Testbed.start(cluster, name, SimulatorConfig.defaults(key).withTerminals(terminals).withMerchants(1)
                .withReferenceTerminals(false)), stateDir);
    }

    Testbed bed() {
        return bed;
    }

    /** A processor of this fleet's application with a 100 ms commit interval, running once this returns. */
    ProcessorService processor() throws Exception {
        ProcessorService processor = bed.keep(ProcessorService.start(bed.config(ProcessorService.defaults(), Map.of(
                "processor.application-id", bed.prefix() + "processor",
                "processor.state-dir", stateDir.toString(),
                "processor.commit-interval", "100ms")), Map.of(), new CompletableFuture<>()));
        assertThat(processor.awaitRunning(Duration.ofMinutes(3))).isTrue();
        return processor;
    }

    /** The poller asking {@code adyen}, with no inventory source and {@code settings} over the test bed's. */
    PollerService poller(TerminalApiClient adyen, Map<String, String> settings) throws Exception {
        Map<String, String> all = new HashMap<>(Map.of("inventory.endpoint", ""));
        all.putAll(settings);
        return bed.keep(PollerService.start(bed.config(PollerService.defaults(), bed.pollerSettings(), all), adyen, Map.of(),
                new CompletableFuture<>()));
    }

    /** Everything {@code topic} holds from its beginning on, kept until the test bed closes. */
    <V> RecordCollector<String, V> collect(Topic<String, V> topic) {
        return bed.keep(RecordCollector.start(bed.cluster(), topic.name(), new StringDeserializer(), topic.valueSerde().deserializer()));
    }

    @Override
    public void close() throws Exception {
        bed.close();
    }
}
