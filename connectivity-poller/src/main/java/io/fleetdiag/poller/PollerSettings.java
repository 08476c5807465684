package io.fleetdiag.poller;

import io.fleetdiag.service.ConfigurationException;
import io.fleetdiag.service.ServiceConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 *
 * <p>The poller's lease and schedule-state topics are named in the topic catalogue like every other topic.
 */
public record PollerSettings(List<Scope> scopes, Duration pollInterval, Duration checkInterval, int chunkSize,
                             Duration maxCatchUp, Duration leaseTimeout, String transactionalId) {

    public static Map<String, String> defaults() {
        Map<String, String> defaults = new HashMap<>();
        defaults.put("poller.scopes", "");
        defaults.put("poller.poll-interval", "30s");
        defaults.put("poller.check-interval", "15m");
        defaults.put("poller.chunk-size", "10000");
        defaults.put("poller.max-catch-up", "60s");
        defaults.put("poller.lease-timeout", "10s");
        defaults.put("poller.transactional-id", "fleetdiag-poller");
        defaults.put("http.port", "8091");
        return defaults;
    }

    public static PollerSettings from(ServiceConfig config) {
        List<Scope> scopes = config.list("poller.scopes").stream().map(Scope::parse).toList();
        if (scopes.isEmpty()) {
            throw new ConfigurationException("poller.scopes is empty: name the merchant accounts (or merchantAccount/store) to poll,"
                    + " e.g. poller.scopes=MyCompany_EU,MyCompany_US/store-17");
        }
        PollerSettings settings = new PollerSettings(scopes, config.duration("poller.poll-interval"), config.duration("poller.check-interval"),
                config.intValue("poller.chunk-size"), config.duration("poller.max-catch-up"), config.duration("poller.lease-timeout"),
                config.get("poller.transactional-id"));
        if (settings.chunkSize() < 1 || settings.pollInterval().isZero() || settings.checkInterval().isZero()) {
            throw new ConfigurationException("poller.chunk-size, poller.poll-interval and poller.check-interval must be positive");
        }
        return settings;
    }
}
