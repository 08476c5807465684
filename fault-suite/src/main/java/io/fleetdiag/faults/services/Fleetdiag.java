package io.fleetdiag.faults.services;

import io.fleetdiag.testsupport.harness.FreePorts;
import io.fleetdiag.testsupport.harness.Http;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The three services as separate processes, with settings for a fast-moving test fleet: polls every
 * 3 s, each terminal checked every minute, calls given up after 8 s, group members dropped after 6 s; the
 * poller queues at most 5 s of the dispatchers' work and raises DIAGNOSIS_BACKLOG after 10 s held back. The poller also
 * lists the simulator's inventory and receives event notifications and Management webhooks.
 */
public final class Fleetdiag implements AutoCloseable {

    /** Each live terminal's check interval: with the fleet's size, the demand an overload cuts capacity below. */
    public static final Duration CHECK_INTERVAL = Duration.ofSeconds(60);
    public static final int MAX_IN_FLIGHT = 128;
    /** The event URL's basic auth, as the terminals' settings (nexo.eventUrls) hold it. */
    public static final String EVENTS_USER = "fault-suite-events";
    public static final String EVENTS_PASSWORD = "fault-suite-event-url-password";
    /** The Management webhook's HMAC key (hex). */
    public static final String WEBHOOKS_HMAC_KEY = "5E1F0A3B7C2D4E6F8091A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3C4D5E6F7";

    private final ManagedService processor;
    private final ManagedService dispatcher;
    private final ManagedService poller;
    private final URI events;

    private Fleetdiag(ManagedService processor, ManagedService dispatcher, ManagedService poller, URI events) {
        this.processor = processor;
        this.dispatcher = dispatcher;
        this.poller = poller;
        this.events = events;
    }

    /**
     * The processor also takes {@code processorIdentity} (who may call its API, how many event streams) and the suite's own reads
     * of it carry {@code processorBearer}.
     */
    public static Fleetdiag start(Path workDir, String bootstrapServers, String registryUrl, String adyenUrl, List<String> scopes,
                                  String apiKey, Map<String, String> processorIdentity, String processorBearer) throws Exception {
        Map<String, String> common = common(bootstrapServers, registryUrl);
        Map<String, String> adyen = Map.of(
                "adyen.endpoint", adyenUrl,
                "adyen.allow-plain-http", "true",
                "adyen.request-timeout", "8s");
        Map<String, String> key = Map.of("ADYEN_API_KEY", apiKey);

        Map<String, String> processor = new HashMap<>(common);
        processor.putAll(Map.of(
                "processor.application-id", "fleetdiag-faults-processor",
                "processor.state-dir", workDir.resolve("processor-state").toString(),
                "processor.stale-after", "10m",
                "processor.punctuate-interval", "10s",
                "http.port", Integer.toString(FreePorts.next())));
        processor.putAll(processorIdentity);
        Map<String, String> dispatcher = new HashMap<>(common);
        dispatcher.putAll(adyen);
        dispatcher.putAll(Map.of(
                "dispatcher.max-in-flight", Integer.toString(MAX_IN_FLIGHT),
                "dispatcher.retry-base", "1s",
                "dispatcher.retry-max", "10s",
                "dispatcher.commit-interval", "500ms",
                "dispatcher.shutdown-grace", "5s",
                "dispatcher.check-deadline", "10m",
                "http.port", Integer.toString(FreePorts.next())));
        Map<String, String> poller = new HashMap<>(common);
        poller.putAll(adyen);
        poller.putAll(Map.of(
                "poller.scopes", String.join(",", scopes),
                "poller.poll-interval", "3s",
                "poller.check-interval", CHECK_INTERVAL.toSeconds() + "s",
                "poller.lease-timeout", "6s",
                "poller.queue-ahead", "5s",
                "poller.backlog-alert-after", "10s",
                "http.port", Integer.toString(FreePorts.next())));
        // the terminals' event URL and the Management webhooks on a port kept across restarts, the inventory they update
        int eventsPort = FreePorts.next();
        poller.putAll(Map.of(
                "events.port", Integer.toString(eventsPort),
                "events.username", EVENTS_USER,
                "events.password", EVENTS_PASSWORD,
                "inventory.endpoint", adyenUrl + "/v3",
                "webhooks.hmac-key", WEBHOOKS_HMAC_KEY));
        ManagedService processing = ManagedService.start("processor", workDir, processor, Map.of());
        processing.bearer(processorBearer);
        return new Fleetdiag(processing,
                ManagedService.start("dispatcher", workDir, dispatcher, key),
                ManagedService.start("poller", workDir, poller, Map.of("ADYEN_API_KEY", apiKey, "MANAGEMENT_API_KEY", apiKey)),
                URI.create("http://127.0.0.1:" + eventsPort));
    }

    /** The poller's {@code POST /terminal-events}. */
    public URI terminalEvents() {
        return events.resolve("/terminal-events");
    }

    /** The poller's {@code POST /management-webhooks}. */
    public URI managementWebhooks() {
        return events.resolve("/management-webhooks");
    }

    public ManagedService poller() {
        return poller;
    }

    /** The settings every service of the suite shares: the broker, the registry, three partitions, members dropped after 6 s. */
    public static Map<String, String> common(String bootstrapServers, String registryUrl) {
        Map<String, String> common = new HashMap<>();
        common.put("kafka.bootstrap.servers", bootstrapServers);
        common.put("schema.registry.url", registryUrl);
        common.put("topics.partitions", "3");
        common.put("kafka.session.timeout.ms", "6000");
        common.put("kafka.heartbeat.interval.ms", "1000");
        return common;
    }

    public List<ManagedService> all() {
        return List.of(processor, dispatcher, poller);
    }

    public ManagedService processor() {
        return processor;
    }

    public ManagedService dispatcher() {
        return dispatcher;
    }

    /** Whether the processor reports its stream threads RUNNING. */
    public boolean processorRunning() {
        try {
            return "RUNNING".equals(Http.getJson(processor.url("/health")).path("streams").asText());
        } catch (Exception notYet) {
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        for (ManagedService service : List.of(poller, dispatcher, processor)) {
            service.close();
        }
    }
}
