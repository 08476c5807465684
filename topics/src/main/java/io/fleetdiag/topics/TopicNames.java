package io.fleetdiag.topics;

import java.util.Map;

/**
 * The names of fleetdiag's topics. Each defaults to the name in DESIGN.md and can be changed by the
 * key {@code topics.<default name>}; {@code topics.prefix} is put before every name, for clusters
 * shared by several environments.
 */
public record TopicNames(String snapshots, String checkRequests, String checkRetries, String results,
                         String terminalState, String storeHealth, String alerts, String deadLetters,
                         String alertOperations) {

    public static final String SNAPSHOTS = "terminal-connectivity-snapshots";
    public static final String CHECK_REQUESTS = "diagnosis-check-requests";
    public static final String CHECK_RETRIES = "diagnosis-check-retries";
    public static final String RESULTS = "diagnosis-results";
    public static final String TERMINAL_STATE = "terminal-state";
    public static final String STORE_HEALTH = "store-health";
    public static final String ALERTS = "terminal-alerts";
    public static final String DEAD_LETTERS = "fleetdiag-dead-letters";
    public static final String ALERT_OPERATIONS = "alert-operations";

    public static TopicNames defaults() {
        return from(Map.of());
    }

    public static TopicNames from(Map<String, String> config) {
        String prefix = config.getOrDefault("topics.prefix", "");
        return new TopicNames(
                name(config, prefix, SNAPSHOTS), name(config, prefix, CHECK_REQUESTS), name(config, prefix, CHECK_RETRIES),
                name(config, prefix, RESULTS), name(config, prefix, TERMINAL_STATE), name(config, prefix, STORE_HEALTH),
                name(config, prefix, ALERTS), name(config, prefix, DEAD_LETTERS), name(config, prefix, ALERT_OPERATIONS));
    }

    private static String name(Map<String, String> config, String prefix, String defaultName) {
        return prefix + config.getOrDefault("topics." + defaultName, defaultName);
    }
}
