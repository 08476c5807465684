package io.fleetdiag.deploy;

import io.fleetdiag.dispatcher.DispatcherService;
import io.fleetdiag.notifier.NotifierService;
import io.fleetdiag.poller.PollerService;
import io.fleetdiag.processor.ProcessorService;
import io.fleetdiag.service.SettingsDefinition;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One fleetdiag service as Kubernetes runs it: its name (the directory under deploy/kubernetes/base, the
 * workload and the Kafka user {@code fleetdiag-<name>}), its settings model, and the settings a cluster
 * needs other than their defaults.
 *
 * @param kubernetes the values the kit sets, by setting key; each must be a declared setting or a {@code kafka.*} client setting
 */
public record Workload(String name, List<SettingsDefinition> definitions, Map<String, String> kubernetes) {

    /** Where the processor keeps RocksDB: the StatefulSet's volume. */
    public static final String STATE_DIR = "/var/lib/fleetdiag/state";
    /** Where the Adyen API key Secret is mounted, as a file. */
    public static final String ADYEN_KEY_FILE = "/var/run/secrets/fleetdiag/adyen/api-key";
    /** Where the Management API key (the inventory's listing, which the webhooks update) is mounted, from the same Secret. */
    public static final String MANAGEMENT_KEY_FILE = "/var/run/secrets/fleetdiag/adyen/management-api-key";
    /** Where the poller's events listener finds the basic-auth password of the terminals' event URL, from a Secret. */
    public static final String EVENTS_PASSWORD_FILE = "/var/run/secrets/fleetdiag/events/password";
    /** Where it finds the HMAC key of the Management webhook, from the same Secret. */
    public static final String WEBHOOKS_HMAC_KEY_FILE = "/var/run/secrets/fleetdiag/events/hmac-key";
    /** Where the notifier's routing Secret is mounted. */
    public static final String ROUTING_FILE = "/etc/fleetdiag/notifier/routing.yml";

    public Workload {
        Objects.requireNonNull(name, "name");
        definitions = List.copyOf(definitions);
        kubernetes = Collections.unmodifiableMap(new LinkedHashMap<>(kubernetes));
    }

    public String kafkaUser() {
        return "fleetdiag-" + name;
    }

    /** The four services, in the order the kit lists them. */
    public static List<Workload> all() {
        return List.of(
                new Workload("processor", ProcessorService.definitions(), with(Map.of(
                        "processor.state-dir", STATE_DIR,
                        "processor.standby-replicas", "0"))),
                // the events listener (terminal event notifications, Management webhooks) on the pod's address; the
                // webhooks update the inventory, so it is listed from Adyen's test Management API (an overlay says live)
                new Workload("poller", PollerService.definitions(), with(Map.of(
                        "adyen.api-key-file", ADYEN_KEY_FILE,
                        "events.host", "0.0.0.0",
                        "events.password-file", EVENTS_PASSWORD_FILE,
                        "webhooks.hmac-key-file", WEBHOOKS_HMAC_KEY_FILE,
                        "inventory.endpoint", "test",
                        "inventory.api-key-file", MANAGEMENT_KEY_FILE))),
                new Workload("dispatcher", DispatcherService.definitions(), with(Map.of("adyen.api-key-file", ADYEN_KEY_FILE))),
                new Workload("notifier", NotifierService.definitions(), with(Map.of(
                        "notifier.routing-file", ROUTING_FILE,
                        "notifier.dashboard-url", "https://fleetdiag.example.com/dashboard/"))));
    }

    /** What every service needs in a cluster: Strimzi's bootstrap service, SCRAM, the registry, replicated topics, HTTP on the pod IP. */
    private static Map<String, String> with(Map<String, String> own) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("kafka.bootstrap.servers", "kafka-kafka-bootstrap:9092");
        settings.put("kafka.security.protocol", "SASL_PLAINTEXT");
        settings.put("kafka.sasl.mechanism", "SCRAM-SHA-512");
        settings.put("schema.registry.url", "http://schema-registry:8080/apis/ccompat/v6");
        settings.put("topics.replication-factor", "3");
        settings.put("http.host", "0.0.0.0");
        settings.putAll(new TreeMap<>(own));
        return settings;
    }
}
