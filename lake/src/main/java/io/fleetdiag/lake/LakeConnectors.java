package io.fleetdiag.lake;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Connect worker's properties and one Iceberg sink connector per table. One connector per table
 * keeps each table's commits, lag and failures separate, as a platform team operates them; the same
 * keys are in docker/connect/*.json for a Connect cluster.
 */
public final class LakeConnectors {

    public static final String SINK_CLASS = "org.apache.iceberg.connect.IcebergSinkConnector";
    public static final String CONVERTER_CLASS = "io.fleetdiag.lake.converter.RegistryAvroConverter";

    private LakeConnectors() {
    }

    /** A standalone worker: values through the registry converter, the sink found on plugin.path. */
    public static Map<String, String> worker(LakeSettings settings) {
        Map<String, String> worker = new LinkedHashMap<>();
        worker.put("bootstrap.servers", settings.bootstrapServers());
        worker.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        worker.put("value.converter", CONVERTER_CLASS);
        worker.put("value.converter.schema.registry.url", settings.schemaRegistryUrl());
        worker.put("plugin.path", settings.pluginPath().toString());
        // Plugins found through their ServiceLoader manifests: no reflective scan of every jar, a start seconds sooner.
        worker.put("plugin.discovery", "service_load");
        worker.put("offset.storage.file.filename", settings.warehouse().resolve("connect.offsets").toString());
        worker.put("listeners", "http://127.0.0.1:" + settings.restPort());
        worker.put("offset.flush.interval.ms", "5000");
        return worker;
    }

    /** The sink of one table: auto-created, schema evolving, partitioned by day of event time. */
    public static Map<String, String> sink(LakeSettings settings, LakeTable table) {
        Map<String, String> sink = new LinkedHashMap<>();
        sink.put("name", table.connectorName());
        sink.put("connector.class", SINK_CLASS);
        sink.put("tasks.max", "1");
        sink.put("topics", table.topic().apply(settings.topics()));
        sink.put("iceberg.tables", table.qualifiedName());
        sink.put("iceberg.tables.auto-create-enabled", "true");
        sink.put("iceberg.tables.evolve-schema-enabled", "true");
        sink.put("iceberg.table." + table.qualifiedName() + ".partition-by", "day(" + table.eventTime() + ")");
        sink.put("iceberg.catalog.type", "hadoop");
        sink.put("iceberg.catalog.warehouse", settings.warehouse().toUri().toString());
        sink.put("iceberg.control.topic", settings.controlTopic());
        sink.put("iceberg.control.commit.interval-ms", Long.toString(settings.commitInterval().toMillis()));
        // An in-process worker has no worker file on its command line for the sink to read these from.
        sink.put("iceberg.kafka.bootstrap.servers", settings.bootstrapServers());
        // A record the converter cannot read goes to the dead-letter topic with the reason in its headers.
        sink.put("errors.tolerance", "all");
        sink.put("errors.deadletterqueue.topic.name", settings.deadLetterTopic());
        sink.put("errors.deadletterqueue.topic.replication.factor", "1");
        sink.put("errors.deadletterqueue.context.headers.enable", "true");
        sink.put("errors.log.enable", "true");
        return sink;
    }
}
