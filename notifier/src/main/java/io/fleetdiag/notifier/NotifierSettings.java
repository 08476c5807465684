package io.fleetdiag.notifier;

import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.service.ServiceHttp;
import io.fleetdiag.service.SettingCheck;
import io.fleetdiag.service.SettingType;
import io.fleetdiag.service.SettingsDefinition;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The notifier's settings; who gets what is in the routing file they name (docs/notifications.md).
 *
 * @param routingFile    {@code notifier.routing-file}: receivers, routes, grouping, inhibition, maintenance windows, reminder
 * @param groupId        {@code notifier.group-id}: the consumer group every instance joins
 * @param firstStart     {@code notifier.first-start}: where a group without offsets begins, latest or earliest
 * @param dashboardUrl   {@code notifier.dashboard-url}: the dashboard the notifications link to
 * @param resendInterval {@code notifier.resend-interval}: how often Alertmanager is told the firing alerts again
 * @param retryBackoff   {@code notifier.retry-backoff}: the first wait after a failed delivery, doubled per attempt
 * @param retryMaxBackoff {@code notifier.retry-max-backoff}: the longest wait between attempts
 * @param giveUpAfter    {@code notifier.give-up-after}: how long a delivery is retried before it is dead-lettered
 * @param requestTimeout {@code notifier.request-timeout}: the longest a receiver may take to answer
 * @param queueCapacity  {@code notifier.queue-capacity}: deliveries a receiver may have waiting before reading pauses
 * @param commitInterval {@code notifier.commit-interval}: how often the delivered offsets are committed
 */
public record NotifierSettings(Path routingFile, String groupId, String firstStart, URI dashboardUrl, Duration resendInterval,
                               Duration retryBackoff, Duration retryMaxBackoff, Duration giveUpAfter, Duration requestTimeout,
                               int queueCapacity, Duration commitInterval) {

    public static final SettingsDefinition DEFINITION = SettingsDefinition.named("notifier")
            .define("notifier.routing-file", SettingType.PATH, "", "required: the YAML file of receivers, routes, grouping, inhibition,"
                    + " maintenance windows and the reminder ([notifications.md](notifications.md#the-routing-file))")
            .define("notifier.group-id", SettingType.STRING, "fleetdiag-notifier", "the consumer group every notifier instance joins")
            .define("notifier.first-start", SettingType.STRING, "latest", SettingCheck.oneOf("latest", "earliest"),
                    "where a group without committed offsets begins: `latest` tells only what happens from now on")
            .define("notifier.dashboard-url", SettingType.URL, "http://127.0.0.1:8080/dashboard/",
                    "the dashboard notifications link to (a terminal's, a store's or the fleet's page)")
            .define("notifier.resend-interval", SettingType.DURATION, "1m", SettingCheck.positive(),
                    "how often Alertmanager is told every firing alert again (each then ends four intervals ahead unless re-sent)")
            .define("notifier.retry-backoff", SettingType.DURATION, "1s", SettingCheck.positive(),
                    "the first wait after a failed delivery, doubled per attempt")
            .define("notifier.retry-max-backoff", SettingType.DURATION, "1m", SettingCheck.positive(), "the longest wait between attempts")
            .define("notifier.give-up-after", SettingType.DURATION, "6h", SettingCheck.positive(),
                    "how long a receiver may keep failing a delivery before it is dead-lettered with the reason")
            .define("notifier.request-timeout", SettingType.DURATION, "10s", SettingCheck.positive(), "the longest a receiver may take to answer")
            .define("notifier.queue-capacity", SettingType.INT, "10000", SettingCheck.atLeast(1),
                    "deliveries a receiver may have waiting; reading pauses beyond it")
            .define("notifier.commit-interval", SettingType.DURATION, "1s", SettingCheck.positive(),
                    "how often the offsets of delivered records are committed")
            .define("http.port", SettingType.INT, "8093", ServiceHttp.PORT_CHECK, ServiceHttp.PORT_DOC);

    public static NotifierSettings from(ServiceConfig config) {
        return new NotifierSettings(Path.of(config.get("notifier.routing-file")), config.get("notifier.group-id"),
                config.get("notifier.first-start").toLowerCase(), URI.create(config.get("notifier.dashboard-url")),
                config.duration("notifier.resend-interval"), config.duration("notifier.retry-backoff"),
                config.duration("notifier.retry-max-backoff"), config.duration("notifier.give-up-after"),
                config.duration("notifier.request-timeout"), config.intValue("notifier.queue-capacity"),
                config.duration("notifier.commit-interval"));
    }
}
