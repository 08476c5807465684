package io.fleetdiag.lake;

import io.fleetdiag.topics.TopicNames;
import java.util.List;
import java.util.function.Function;

/**
 * One Iceberg table of the lake: the topic it is filled from and the event-time column it is
 * partitioned by day on (docs/lake.md, "Tables").
 */
public record LakeTable(String name, Function<TopicNames, String> topic, String eventTime) {

    /** The Iceberg namespace of fleetdiag's tables. */
    public static final String NAMESPACE = "fleetdiag";

    public static final LakeTable DIAGNOSIS_RESULTS = new LakeTable("diagnosis_results", TopicNames::results, "completedAt");
    public static final LakeTable TERMINAL_ALERTS = new LakeTable("terminal_alerts", TopicNames::alerts, "eventTime");
    public static final LakeTable TERMINAL_STATE = new LakeTable("terminal_state", TopicNames::terminalState, "updatedAt");
    public static final LakeTable STORE_HEALTH = new LakeTable("store_health", TopicNames::storeHealth, "updatedAt");
    public static final LakeTable CONNECTIVITY_SNAPSHOTS =
            new LakeTable("connectivity_snapshots", TopicNames::snapshots, "polledAt");

    public static List<LakeTable> all() {
        return List.of(DIAGNOSIS_RESULTS, TERMINAL_ALERTS, TERMINAL_STATE, STORE_HEALTH, CONNECTIVITY_SNAPSHOTS);
    }

    /** {@code fleetdiag.<name>}, as the sink and the catalog name it. */
    public String qualifiedName() {
        return NAMESPACE + "." + name;
    }

    public String connectorName() {
        return "fleetdiag-lake-" + name.replace('_', '-');
    }
}
