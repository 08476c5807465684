package io.fleetdiag.notifier.receivers;

import io.fleetdiag.notifier.alert.DashboardLinks;
import io.fleetdiag.notifier.alert.Notification;
import io.fleetdiag.service.Json;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PagerDuty Events API v2: a raise or update triggers, an acknowledgement acknowledges, a resolution
 * resolves, each with the alertId as {@code dedup_key}, so PagerDuty merges repeats into one incident.
 * One event per notification (PagerDuty groups incidents itself); reminders are left to its escalation.
 */
public final class PagerDutyReceiver implements Receiver {

    private static final int SUMMARY_LIMIT = 1024;
    private final String name;
    private final URI url;
    private final String routingKey;
    private final HttpPost http;
    private final DashboardLinks links;

    public PagerDutyReceiver(String name, URI url, String routingKey, HttpPost http, DashboardLinks links) {
        this.name = name;
        this.url = url;
        this.routingKey = routingKey;
        this.http = http;
        this.links = links;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void deliver(List<Notification> batch) throws DeliveryFailure {
        for (Notification notification : batch) {
            if (notification.kind() != Notification.Kind.REMINDER) {
                http.post(url, Json.write(event(notification)), Map.of());
            }
        }
    }

    Map<String, Object> event(Notification notification) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("routing_key", routingKey);
        event.put("dedup_key", notification.alertId());
        if (notification.kind() == Notification.Kind.ACKNOWLEDGEMENT) {
            event.put("event_action", "acknowledge");
            return event;
        }
        if (!notification.firing()) {
            event.put("event_action", "resolve");
            return event;
        }
        event.put("event_action", "trigger");
        Map<String, Object> payload = new LinkedHashMap<>();
        String summary = notification.summary().isEmpty() ? notification.type() : notification.summary();
        payload.put("summary", summary.length() > SUMMARY_LIMIT ? summary.substring(0, SUMMARY_LIMIT) : summary);
        payload.put("source", notification.poiid() != null ? notification.poiid() : notification.groupKey());
        payload.put("severity", switch (notification.severity()) {
            case "CRITICAL" -> "critical";
            case "WARNING" -> "warning";
            case "INFO" -> "info";
            default -> "error";
        });
        payload.put("timestamp", notification.eventTime().toString());
        payload.put("component", notification.poiid());
        payload.put("group", notification.groupKey());
        payload.put("class", notification.type());
        Map<String, Object> details = new LinkedHashMap<>(notification.evidence());
        details.put("remediation", notification.remediation());
        details.put("raisedAt", notification.raisedAt().toString());
        payload.put("custom_details", details);
        event.put("payload", payload);
        event.put("links", List.of(Map.of("href", links.of(notification), "text", "fleetdiag dashboard")));
        return event;
    }

    @Override
    public String toString() {
        return "PagerDutyReceiver(" + name + ", " + HttpPost.hostOf(url) + ")";
    }
}
