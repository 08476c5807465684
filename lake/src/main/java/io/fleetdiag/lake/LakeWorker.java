package io.fleetdiag.lake;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.apache.kafka.connect.util.FutureCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standalone Kafka Connect worker in this JVM running one Iceberg sink per lake table. It is the
 * worker Apache ships ({@code connect-standalone.sh}), started from code so {@code fleetdiag lake} is
 * one command; the sink and the converter load from plugin.path in their own class loader.
 */
public final class LakeWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LakeWorker.class);
    private static final long CONNECTOR_START_SECONDS = 60;

    private final Connect<StandaloneHerder> connect;

    private LakeWorker(Connect<StandaloneHerder> connect) {
        this.connect = connect;
    }

    public static LakeWorker start(LakeSettings settings) {
        createSinkTopics(settings);
        Connect<StandaloneHerder> connect = new ConnectStandalone().startConnect(LakeConnectors.worker(settings));
        LakeWorker worker = new LakeWorker(connect);
        try {
            for (LakeTable table : LakeTable.all()) {
                worker.putConnector(LakeConnectors.sink(settings, table));
            }
        } catch (RuntimeException e) {
            worker.close();
            throw e;
        }
        LOG.info("Lake worker writing {} tables to {}", LakeTable.all().size(), settings.warehouse());
        return worker;
    }

    private void putConnector(Map<String, String> config) {
        FutureCallback<Herder.Created<ConnectorInfo>> done = new FutureCallback<>();
        connect.herder().putConnectorConfig(config.get("name"), config, true, done);
        try {
            done.get(CONNECTOR_START_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting connector " + config.get("name"), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Connector " + config.get("name") + " did not start: " + e.getMessage(), e);
        }
    }

    /** The sink's control topic must exist before its tasks start; one partition keeps its order. */
    private static void createSinkTopics(LakeSettings settings) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers()))) {
            for (NewTopic topic : List.of(new NewTopic(settings.controlTopic(), 1, (short) 1),
                    new NewTopic(settings.deadLetterTopic(), 1, (short) 1))) {
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + topic.name() + ": " + e.getCause(), e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the lake's topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + settings.bootstrapServers() + " did not create the lake's topics", e);
        }
    }

    /** Blocks until the worker stops. */
    public void awaitStop() {
        connect.awaitStop();
    }

    @Override
    public void close() {
        connect.stop();
        connect.awaitStop();
    }
}
