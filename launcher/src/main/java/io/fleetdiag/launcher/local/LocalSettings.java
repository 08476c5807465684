package io.fleetdiag.launcher.local;

import io.fleetdiag.dispatcher.DispatcherService;
import io.fleetdiag.dispatcher.DispatcherSettings;
import io.fleetdiag.poller.PollerService;
import io.fleetdiag.poller.PollerSettings;
import io.fleetdiag.processor.ProcessorService;
import io.fleetdiag.processor.ProcessorSettings;
import io.fleetdiag.service.ConfigurationException;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.service.SettingsDefinition;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The settings of the local run's three services: each service's declared defaults, then the local run's own values
 * (short demo timings), then its {@link LocalCadence}, then what the user gave with {@code --set key=value}. A key goes
 * to every service that declares it ({@code kafka.*} client settings to all three, as the services take any); one that
 * no service declares, or a value a service would refuse, is a {@link ConfigurationException} before anything starts.
 */
public final class LocalSettings {

    /** The three services and the settings each declares. */
    public enum Service {
        PROCESSOR(ProcessorService.definitions()),
        DISPATCHER(DispatcherService.definitions()),
        POLLER(PollerService.definitions());

        private final List<SettingsDefinition> definitions;

        Service(List<SettingsDefinition> definitions) {
            this.definitions = definitions;
        }

        boolean declares(String key) {
            return key.startsWith("kafka.") || SettingsDefinition.keys(definitions).contains(key);
        }
    }

    /** Keys the local run sets from its own options and wiring: a --set of one would break the run, so it is refused with the way instead. */
    private static final Map<String, String> WIRED = Map.of(
            "kafka.bootstrap.servers", "the embedded broker's address: choose its port with --kafka-port",
            "schema.registry.url", "the embedded registry's address: choose its port with --registry-port",
            "http.port", "the REST API's port is --http-port; the poller's and dispatcher's are picked free",
            "processor.state-dir", "the processor's state lives under --data-dir",
            "processor.application-id", "the local run's processor keeps one application id, so a second start resumes",
            "poller.scopes", "the local run polls the simulator's merchant accounts",
            "inventory.endpoint", "the local run reads the simulator's inventory",
            "events.port", "the local run picks the event URL's port free and gives it to the simulated terminals",
            "events.password", "the local run makes the event URL's password itself and gives it to the simulated terminals",
            "webhooks.hmac-key", "the local run makes the Management webhook's HMAC key itself and gives it to the simulator");

    /** What the local run sets beyond the defaults and the cadence: quick restarts and retries for a demo on one machine. */
    private static final Map<Service, Map<String, String>> LOCAL = new EnumMap<>(Map.of(
            // the simulator's older firmware and stuck reassignment show as alerts within the demo, not after days
            Service.PROCESSOR, Map.of("processor.punctuate-interval", "10s", "processor.firmware-behind-after", "5m",
                    "processor.reassignment-stuck-after", "5m"),
            Service.DISPATCHER, Map.of("dispatcher.max-in-flight", "256", "dispatcher.retry-base", "1s", "dispatcher.retry-max", "15s",
                    "dispatcher.shutdown-grace", "5s"),
            Service.POLLER, Map.of("poller.lease-timeout", "6s", "inventory.refresh-interval", "5m", "adyen.allow-plain-http", "true")));

    private final LocalCadence cadence;
    private final Map<String, String> cadenceSettings;
    private final Map<String, String> overrides;

    private LocalSettings(LocalCadence cadence, int merchantAccounts, Map<String, String> overrides) {
        this.cadence = cadence;
        this.cadenceSettings = cadence.settings(merchantAccounts);
        this.overrides = Map.copyOf(overrides);
    }

    /**
     * The settings for a fleet of {@code terminals} over {@code merchantAccounts}, with {@code overrides} checked against
     * every service's declared settings.
     *
     * @throws ConfigurationException naming the first key no service declares, a key the local run wires itself, or a value refused
     */
    public static LocalSettings of(int terminals, int merchantAccounts, Map<String, String> overrides) {
        LocalSettings settings = new LocalSettings(LocalCadence.forFleet(terminals), merchantAccounts, overrides);
        for (String key : new TreeMap<>(overrides).keySet()) {
            if (overrides.get(key).isBlank()) {
                throw new ConfigurationException("--set " + key + ": give a value, as --set " + key + "=VALUE");
            }
            if (WIRED.containsKey(key)) {
                throw new ConfigurationException("--set " + key + ": not settable in the local run (" + WIRED.get(key) + ")");
            }
            if (List.of(Service.values()).stream().noneMatch(service -> service.declares(key))) {
                throw new ConfigurationException("--set " + key + ": no service has this setting; every setting is in docs/configuration.md");
            }
        }
        settings.validate();
        return settings;
    }

    /** Every service's settings read as their types and checked as its own start would, with stand-ins for the wiring. */
    private void validate() {
        Map<String, String> wiring = Map.of("poller.scopes", "local");
        for (Service service : Service.values()) {
            ServiceConfig config = config(service, wiring);
            SettingsDefinition.validate(service.definitions, config);
            switch (service) {
                case PROCESSOR -> ProcessorSettings.from(config);
                case DISPATCHER -> DispatcherSettings.from(config);
                case POLLER -> PollerSettings.from(config);
            }
        }
    }

    /** The service's settings: its defaults, {@code wiring} (addresses, ports, directories), the local values, the cadence, the --set values. */
    public ServiceConfig config(Service service, Map<String, String> wiring) {
        Map<String, String> values = new HashMap<>(SettingsDefinition.defaults(service.definitions));
        values.putAll(wiring);
        values.putAll(LOCAL.get(service));
        cadenceSettings.forEach((key, value) -> put(values, service, key, value));
        overrides.forEach((key, value) -> put(values, service, key, value));
        return ServiceConfig.of(values);
    }

    private static void put(Map<String, String> values, Service service, String key, String value) {
        if (service.declares(key)) {
            values.put(key, value);
        }
    }

    public LocalCadence cadence() {
        return cadence;
    }

    /** The start-up lines: the pace in force, each value marked where --set changed it, and why the cadence is what it is. */
    public void describe(Consumer<String> line) {
        List<String> values = new ArrayList<>();
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("poller.poll-interval", "polls every ");
        labels.put("poller.check-interval", "checks every ");
        labels.put("processor.stale-after", "stale after ");
        labels.put("dispatcher.rate-per-merchant", "dispatcher calls/s per merchant account ");
        labels.forEach((key, label) -> {
            String value = overrides.getOrDefault(key, cadenceSettings.get(key));
            values.add(label + value + (overrides.containsKey(key) ? " (--set)" : ""));
        });
        line.accept(String.format("cadence for %,d terminals: %s", cadence.terminals(), String.join(", ", values)));
        line.accept("  why: " + cadence.why() + "; change any with --set KEY=VALUE");
        // keys only: a value given with --set may be a secret
        Set<String> others = new TreeMap<>(overrides).keySet();
        others.removeAll(labels.keySet());
        if (!others.isEmpty()) {
            line.accept("  also set with --set: " + String.join(", ", others));
        }
    }
}
