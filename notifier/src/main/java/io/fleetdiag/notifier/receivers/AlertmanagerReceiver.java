package io.fleetdiag.notifier.receivers;

import io.fleetdiag.notifier.alert.DashboardLinks;
import io.fleetdiag.notifier.alert.Notification;
import io.fleetdiag.service.Json;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prometheus Alertmanager, API v2 ({@code POST /api/v2/alerts}). Alertmanager groups, routes, silences and
 * repeats itself; fleetdiag tells it which alerts fire. As Prometheus does, every firing alert is sent
 * again each resend interval with {@code endsAt} four intervals ahead, so a restarted Alertmanager learns
 * the set again and an alert nobody re-sends expires; a resolved one carries its {@code endsAt}.
 * The alertId is a label, so each episode is its own Alertmanager alert and a repeat is merged into it.
 */
public final class AlertmanagerReceiver implements Receiver {

    private final String name;
    private final URI alerts;
    private final HttpPost http;
    private final DashboardLinks links;
    private final Duration resendInterval;
    private final Clock clock;
    /** The firing alerts Alertmanager was told about, by alertId, in order of arrival. */
    private final Map<String, Notification> firing = new LinkedHashMap<>();
    private Instant lastResend = Instant.EPOCH;

    public AlertmanagerReceiver(String name, URI base, HttpPost http, DashboardLinks links, Duration resendInterval, Clock clock) {
        this.name = name;
        String text = base.toString();
        this.alerts = URI.create((text.endsWith("/") ? text : text + "/") + "api/v2/alerts");
        this.http = http;
        this.links = links;
        this.resendInterval = resendInterval;
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void deliver(List<Notification> batch) throws DeliveryFailure {
        List<Notification> edges = batch.stream().filter(notification -> notification.kind() == Notification.Kind.ALERT).toList();
        if (edges.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        post(edges, now);
        for (Notification edge : edges) {
            if (edge.firing()) {
                firing.put(edge.alertId(), edge);
            } else {
                firing.remove(edge.alertId());
            }
        }
    }

    @Override
    public boolean keepsFiringSet() {
        return true;
    }

    /** Re-sends the firing set once per resend interval. */
    @Override
    public void idle(Instant now) throws DeliveryFailure {
        if (firing.isEmpty() || Duration.between(lastResend, now).compareTo(resendInterval) < 0) {
            return;
        }
        post(List.copyOf(firing.values()), now);
        lastResend = now;
    }

    private void post(List<Notification> edges, Instant now) throws DeliveryFailure {
        List<Map<String, Object>> body = new ArrayList<>();
        for (Notification edge : edges) {
            body.add(alert(edge, now));
        }
        http.post(alerts, Json.write(body), Map.of());
    }

    Map<String, Object> alert(Notification edge, Instant now) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", alertName(edge.type()));
        labels.put("type", edge.type());
        labels.put("severity", edge.severity().toLowerCase(Locale.ROOT));
        labels.put("alertId", edge.alertId());
        putIfPresent(labels, "merchantAccount", edge.merchantAccount());
        putIfPresent(labels, "store", edge.store());
        putIfPresent(labels, "poiid", edge.poiid());
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("summary", edge.summary());
        annotations.put("remediation", edge.remediation());
        putIfPresent(annotations, "acknowledgedBy", edge.acknowledgedBy());
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("labels", labels);
        alert.put("annotations", annotations);
        alert.put("startsAt", edge.raisedAt().toString());
        alert.put("endsAt", endsAt(edge, now).toString());
        alert.put("generatorURL", links.of(edge));
        return alert;
    }

    /**
     * Alertmanager refuses an end not after the start (400 "start time must be before end time"), which an
     * episode whose edges carry skewed event times would otherwise give: the end is kept after the start.
     */
    private Instant endsAt(Notification edge, Instant now) {
        Instant end = edge.firing() ? latest(now, edge.raisedAt()).plus(resendInterval.multipliedBy(4))
                : edge.resolvedAt() == null ? edge.eventTime() : edge.resolvedAt();
        return end.isAfter(edge.raisedAt()) ? end : edge.raisedAt().plusMillis(1);
    }

    private static Instant latest(Instant one, Instant other) {
        return one.isAfter(other) ? one : other;
    }

    /** TERMINAL_OFFLINE becomes TerminalOffline, as Alertmanager's alert names are usually written. */
    static String alertName(String type) {
        StringBuilder name = new StringBuilder();
        for (String word : type.toLowerCase(Locale.ROOT).split("_")) {
            if (!word.isEmpty()) {
                name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return name.toString();
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
