package org.apache.kafka.common.utils;

/**
 * Kafka 4.4 moved {@code AppInfoParser} to {@code org.apache.kafka.common.utils.internals}; the Iceberg
 * sink (1.12) still calls {@code org.apache.kafka.common.utils.AppInfoParser.getVersion()} when a task
 * starts, only to record the engine version, and every task dies of NoClassDefFoundError without it. This
 * is that one method on the worker's class path (Connect loads {@code org.apache.kafka.common} from the
 * worker, not the plugin). Remove it once the sink no longer needs it (docs/lake.md).
 */
public final class AppInfoParser {

    private AppInfoParser() {
    }

    public static String getVersion() {
        return org.apache.kafka.common.utils.internals.AppInfoParser.getVersion();
    }
}
