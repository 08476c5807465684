package io.fleetdiag.poller;

import io.fleetdiag.service.ConfigurationException;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.topics.Topic;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The poller's settings.
 *
 * @param scopes          {@code poller.scopes}: merchant accounts and merchantAccount/store pairs to poll
 * @param pollInterval    {@code poller.poll-interval}: how often each scope is polled
 * @param checkInterval   {@code poller.check-interval}: how often each live terminal gets a scheduled check
 * @param chunkSize       {@code poller.chunk-size}: POIIDs per snapshot record
 * @param maxCatchUp      {@code poller.max-catch-up}: after an outage, how far back due checks are still sent
 * @param leaseTimeout    {@code poller.lease-timeout}: how soon a standby takes over from a leader that died
 * @param transactionalId {@code poller.transactional-id}: shared by all instances, so a new leader fences the old one
 * @param leaseTopic      {@code topics.poller-lease}: the owner of its single partition polls
 * @param stateTopic      {@code topics.poller-state}: per scope, the poll up to which checks are scheduled
 */
public record PollerSettings(List<Scope> scopes, Duration pollInterval, Duration checkInterval, int chunkSize,
                             Duration maxCatchUp, Duration leaseTimeout, String transactionalId, String leaseTopic, String stateTopic) {

    public static Map<String, String> defaults() {
        Map<String, String> defaults = new HashMap<>();
        defaults.put("poller.scopes", "");
        defaults.put("poller.poll-interval", "30s");
        defaults.put("poller.check-interval", "15m");
        defaults.put("poller.chunk-size", "10000");
        defaults.put("poller.max-catch-up", "60s");
        defaults.put("poller.lease-timeout", "10s");
        defaults.put("poller.transactional-id", "fleetdiag-poller");
        defaults.put("topics.poller-lease", "fleetdiag-poller-lease");
        defaults.put("topics.poller-state", "fleetdiag-poller-state");
        defaults.put("http.port", "8091");
        return defaults;
    }

    /** The lease topic; its records are never read, only its partition's owner counts. */
    public Topic<String, Long> lease() {
        return new Topic<>(leaseTopic, Long.class, Serdes.String(), Serdes.Long(), Map.of());
    }

    /** The schedule watermarks, compacted: the epoch milliseconds of each scope's last published poll. */
    public Topic<String, Long> scheduleState() {
        return new Topic<>(stateTopic, Long.class, Serdes.String(), Serdes.Long(), Map.of("cleanup.policy", "compact"));
    }

    public static PollerSettings from(ServiceConfig config) {
        List<Scope> scopes = config.list("poller.scopes").stream().map(Scope::parse).toList();
        if (scopes.isEmpty()) {
            throw new ConfigurationException("poller.scopes is empty: name the merchant accounts (or merchantAccount/store) to poll,"
                    + " e.g. poller.scopes=MyCompany_EU,MyCompany_US/store-17");
        }
        String prefix = config.find("topics.prefix").orElse("");
        PollerSettings settings = new PollerSettings(scopes, config.duration("poller.poll-interval"), config.duration("poller.check-interval"),
                config.intValue("poller.chunk-size"), config.duration("poller.max-catch-up"), config.duration("poller.lease-timeout"),
                config.get("poller.transactional-id"), prefix + config.get("topics.poller-lease"), prefix + config.get("topics.poller-state"));
        if (settings.chunkSize() < 1 || settings.pollInterval().isZero() || settings.checkInterval().isZero()) {
            throw new ConfigurationException("poller.chunk-size, poller.poll-interval and poller.check-interval must be positive");
        }
        return settings;
    }
}
