package io.fleetdiag.faults.cluster;

import io.fleetdiag.kafka.embedded.EmbeddedKafka;
import io.fleetdiag.testsupport.harness.FreePorts;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The KRaft broker of {@code fleetdiag local}, stopped and started again on the same ports and log. */
public final class RestartableBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RestartableBroker.class);

    private final Path dataDir;
    private final int port;
    private EmbeddedKafka kafka;

    private RestartableBroker(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    public static RestartableBroker start(Path dataDir) throws Exception {
        RestartableBroker broker = new RestartableBroker(dataDir, FreePorts.pair());
        broker.startAgain();
        return broker;
    }

    public synchronized void startAgain() throws Exception {
        if (kafka == null) {
            long started = System.nanoTime();
            kafka = EmbeddedKafka.start(dataDir, port, port + 1);
            LOG.info("Broker started in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
    }

    public synchronized void stop() {
        if (kafka != null) {
            long started = System.nanoTime();
            kafka.close();
            kafka = null;
            LOG.info("Broker stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** For writers that must not lose or repeat a record across the broker's restarts. */
    public Map<String, Object> producerConfig() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    }

    @Override
    public void close() {
        stop();
    }
}
