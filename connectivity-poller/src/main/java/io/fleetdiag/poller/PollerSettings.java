package io.fleetdiag.poller;

import io.fleetdiag.poller.backlog.BacklogSettings;
import io.fleetdiag.poller.status.StatusSettings;
import io.fleetdiag.service.ConfigurationException;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.service.ServiceHttp;
import io.fleetdiag.service.SettingCheck;
import io.fleetdiag.service.SettingType;
import io.fleetdiag.service.SettingsDefinition;
import java.time.Duration;
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
 * @param backlog         {@code poller.dispatcher-group}, {@code poller.queue-ahead}, {@code poller.backlog-alert-after}:
 *                        how the schedule keeps within what the dispatchers serve
 * @param status          {@code poller.status-per-poll}, {@code poller.status-rate}, {@code poller.status-timeout}: the
 *                        terminals' own status asked before the list costs them a miss
 *
 * <p>The poller's lease and schedule-state topics are named in the topic catalogue like every other topic.
 */
public record PollerSettings(List<Scope> scopes, Duration pollInterval, Duration checkInterval, int chunkSize,
                             Duration maxCatchUp, Duration leaseTimeout, String transactionalId, BacklogSettings backlog,
                             StatusSettings status) {

    public static final SettingsDefinition DEFINITION = SettingsDefinition.named("connectivity-poller")
            .define("poller.scopes", SettingType.LIST, "", "required: merchant accounts and `merchantAccount/store` pairs to poll,"
                    + " e.g. `MyCompany_EU,MyCompany_US/store-17`")
            .define("poller.poll-interval", SettingType.DURATION, "30s", SettingCheck.positive(), "how often each scope is polled")
            .define("poller.check-interval", SettingType.DURATION, "15m", SettingCheck.positive(),
                    "how often each live terminal gets a SCHEDULED check")
            .define("poller.chunk-size", SettingType.INT, "10000", SettingCheck.atLeast(1),
                    "POIIDs per snapshot record (100k terminals: 10 records well under 1 MB)")
            .define("poller.max-catch-up", SettingType.DURATION, "60s", "after an outage, how far back due checks are still sent"
                    + " (the rest wait for the next cycle, so a restart never bursts)")
            .define("poller.lease-timeout", SettingType.DURATION, "10s", SettingCheck.positive(), "how soon a standby instance takes over"
                    + " from a leader that died (at least the broker's `group.min.session.timeout.ms`, 6 s)")
            .define("poller.transactional-id", SettingType.STRING, "fleetdiag-poller", "the same on every instance: a new leader fences the old one")
            .define("poller.dispatcher-group", SettingType.STRING, "fleetdiag-dispatcher", "the dispatchers' consumer group"
                    + " (their `dispatcher.group-id`): its lag on diagnosis-check-requests is the backlog the schedule keeps within")
            .define("poller.queue-ahead", SettingType.DURATION, "60s", SettingCheck.positive(), "at most this much of the dispatchers'"
                    + " work (at the larger of their measured rate and the demand) is queued; beyond it the check sweep stretches instead")
            .define("poller.backlog-alert-after", SettingType.DURATION, "5m", SettingCheck.notNegative(), "DIAGNOSIS_BACKLOG when the"
                    + " check sweep has been held back this long; it resolves when every due check is sent again")
            .define("poller.status-per-poll", SettingType.INT, "100", SettingCheck.atLeast(0), "at most this many terminals per poll"
                    + " of a scope get their own status asked (Cloud device API `GET .../devices/{deviceId}/status`, or `/connectedTerminals`"
                    + " with `uniqueTerminalId`) when the list leaves them out; one reported ONLINE stays present. 0 turns this off")
            .define("poller.status-rate", SettingType.DOUBLE, "20", SettingCheck.atLeast(0.1), "status calls per second over all"
                    + " scopes (a burst of up to `poller.status-per-poll`); those beyond it wait for the next poll, once")
            .define("poller.status-timeout", SettingType.DURATION, "5s", SettingCheck.positive(), "how long a poll waits for its"
                    + " status answers; one without an answer by then failed, and the terminal is as the list says")
            .define("http.port", SettingType.INT, "8091", ServiceHttp.PORT_CHECK, ServiceHttp.PORT_DOC);

    public static Map<String, String> defaults() {
        return DEFINITION.defaults();
    }

    public static PollerSettings from(ServiceConfig config) {
        List<Scope> scopes = config.list("poller.scopes").stream().map(Scope::parse).toList();
        if (scopes.isEmpty()) {
            throw new ConfigurationException("poller.scopes is empty: name the merchant accounts (or merchantAccount/store) to poll,"
                    + " e.g. poller.scopes=MyCompany_EU,MyCompany_US/store-17");
        }
        PollerSettings settings = new PollerSettings(scopes, config.duration("poller.poll-interval"), config.duration("poller.check-interval"),
                config.intValue("poller.chunk-size"), config.duration("poller.max-catch-up"), config.duration("poller.lease-timeout"),
                config.get("poller.transactional-id"), new BacklogSettings(config.get("poller.dispatcher-group"),
                config.duration("poller.queue-ahead"), config.duration("poller.backlog-alert-after")),
                new StatusSettings(config.intValue("poller.status-per-poll"), config.doubleValue("poller.status-rate"),
                        config.duration("poller.status-timeout")));
        if (settings.chunkSize() < 1 || settings.pollInterval().isZero() || settings.checkInterval().isZero()) {
            throw new ConfigurationException("poller.chunk-size, poller.poll-interval and poller.check-interval must be positive");
        }
        return settings;
    }
}
