package io.fleetdiag.topics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names of fleetdiag's topics, the poller's own lease and schedule-state topics included. Each
 * defaults to the name in docs/design.md#topics and is changed by one scheme: the key
 * {@code topics.<default name>=<name>}; {@code topics.prefix} is put before every name, for clusters
 * shared by several environments.
 */
public record TopicNames(String snapshots, String checkRequests, String checkRetries, String results,
                         String terminalState, String storeHealth, String alerts, String deadLetters,
                         String pollerLease, String pollerState, String inventory,
                         String alertOperations, String terminalEvents, String terminalActions) {

    public static final String SNAPSHOTS = "terminal-connectivity-snapshots";
    public static final String CHECK_REQUESTS = "diagnosis-check-requests";
    public static final String CHECK_RETRIES = "diagnosis-check-retries";
    public static final String RESULTS = "diagnosis-results";
    public static final String TERMINAL_STATE = "terminal-state";
    public static final String STORE_HEALTH = "store-health";
    public static final String ALERTS = "terminal-alerts";
    public static final String DEAD_LETTERS = "fleetdiag-dead-letters";
    public static final String POLLER_LEASE = "fleetdiag-poller-lease";
    public static final String POLLER_STATE = "fleetdiag-poller-state";
    public static final String INVENTORY = "terminal-inventory";
    public static final String ALERT_OPERATIONS = "alert-operations";
    public static final String TERMINAL_EVENTS = "terminal-events";
    public static final String TERMINAL_ACTIONS = "terminal-actions";

    /** Keys of an earlier scheme that named the poller's topics by a short name; refused so they do not go unnoticed. */
    private static final Map<String, String> REPLACED_KEYS = Map.of(
            "topics.poller-lease", "topics." + POLLER_LEASE,
            "topics.poller-state", "topics." + POLLER_STATE);

    public static TopicNames defaults() {
        return from(Map.of());
    }

    public static TopicNames from(Map<String, String> config) {
        REPLACED_KEYS.forEach((old, current) -> {
            if (config.containsKey(old)) {
                throw new IllegalArgumentException(old + " is no longer read: name the topic with " + current);
            }
        });
        String prefix = config.getOrDefault("topics.prefix", "");
        return new TopicNames(
                name(config, prefix, SNAPSHOTS), name(config, prefix, CHECK_REQUESTS), name(config, prefix, CHECK_RETRIES),
                name(config, prefix, RESULTS), name(config, prefix, TERMINAL_STATE), name(config, prefix, STORE_HEALTH),
                name(config, prefix, ALERTS), name(config, prefix, DEAD_LETTERS),
                name(config, prefix, POLLER_LEASE), name(config, prefix, POLLER_STATE), name(config, prefix, INVENTORY),
                name(config, prefix, ALERT_OPERATIONS), name(config, prefix, TERMINAL_EVENTS),
                name(config, prefix, TERMINAL_ACTIONS));
    }

    /** Each topic's name by its default name, in the order of the components. */
    public Map<String, String> byDefaultName() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put(SNAPSHOTS, snapshots);
        names.put(CHECK_REQUESTS, checkRequests);
        names.put(CHECK_RETRIES, checkRetries);
        names.put(RESULTS, results);
        names.put(TERMINAL_STATE, terminalState);
        names.put(STORE_HEALTH, storeHealth);
        names.put(ALERTS, alerts);
        names.put(DEAD_LETTERS, deadLetters);
        names.put(POLLER_LEASE, pollerLease);
        names.put(POLLER_STATE, pollerState);
        names.put(INVENTORY, inventory);
        names.put(ALERT_OPERATIONS, alertOperations);
        names.put(TERMINAL_EVENTS, terminalEvents);
        names.put(TERMINAL_ACTIONS, terminalActions);
        return names;
    }

    private static String name(Map<String, String> config, String prefix, String defaultName) {
        return prefix + config.getOrDefault("topics." + defaultName, defaultName);
    }
}
