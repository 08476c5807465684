package io.fleetdiag.notifier.receivers;

import io.fleetdiag.notifier.alert.DashboardLinks;
import io.fleetdiag.notifier.alert.Notification;
import io.fleetdiag.service.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A generic webhook, signed as Standard Webhooks says. One POST per batch: a store's group (the changes
 * since its last notification, and every alert of the store still firing) or a single notification.
 * {@code webhook-id} is the same on every retry and re-read of the same content, so the receiver can
 * deduplicate by it; {@code webhook-timestamp} is the attempt's, and the signature covers both.
 */
public final class WebhookReceiver implements Receiver {

    private final String name;
    private final URI url;
    private final HttpPost http;
    private final WebhookSignature signature;
    private final DashboardLinks links;
    private final boolean grouped;
    private final Clock clock;
    /** Per group key, its firing alerts by alertId, as told so far. */
    private final Map<String, Map<String, Notification>> firing = new HashMap<>();

    public WebhookReceiver(String name, URI url, HttpPost http, WebhookSignature signature, DashboardLinks links, boolean grouped, Clock clock) {
        this.name = name;
        this.url = url;
        this.http = http;
        this.signature = signature;
        this.links = links;
        this.grouped = grouped;
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean grouped() {
        return grouped;
    }

    @Override
    public boolean wantsReminders() {
        return true;
    }

    @Override
    public void deliver(List<Notification> batch) throws DeliveryFailure {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, Map<String, Notification>> after = new HashMap<>();
        firing.forEach((group, alerts) -> after.put(group, new LinkedHashMap<>(alerts)));
        for (Notification notification : batch) {
            if (notification.kind() != Notification.Kind.ALERT) {
                continue;
            }
            Map<String, Notification> group = after.computeIfAbsent(notification.groupKey(), key -> new LinkedHashMap<>());
            if (notification.firing()) {
                group.put(notification.alertId(), notification);
            } else {
                group.remove(notification.alertId());
            }
        }
        String groupKey = batch.get(0).groupKey();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "fleetdiag.notifications");
        body.put("groupKey", groupKey);
        body.put("notifications", batch.stream().map(this::entry).toList());
        body.put("firing", after.getOrDefault(groupKey, Map.of()).values().stream().map(this::entry).toList());
        String id = id(batch);
        String json = Json.write(body);
        long timestamp = clock.instant().getEpochSecond();
        http.post(url, json, Map.of("webhook-id", id, "webhook-timestamp", Long.toString(timestamp),
                "webhook-signature", signature.sign(id, timestamp, json)));
        after.values().removeIf(Map::isEmpty);
        firing.clear();
        firing.putAll(after);
    }

    Map<String, Object> entry(Notification notification) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("kind", notification.kind().name().toLowerCase());
        entry.put("idempotencyKey", notification.idempotencyKey());
        entry.put("alertId", notification.alertId());
        entry.put("status", notification.status().name());
        entry.put("type", notification.type());
        entry.put("severity", notification.severity());
        entry.put("merchantAccount", notification.merchantAccount());
        entry.put("store", notification.store());
        entry.put("poiid", notification.poiid());
        entry.put("summary", notification.summary());
        entry.put("remediation", notification.remediation());
        entry.put("evidence", notification.evidence());
        entry.put("raisedAt", notification.raisedAt().toString());
        entry.put("resolvedAt", notification.resolvedAt() == null ? null : notification.resolvedAt().toString());
        entry.put("eventTime", notification.eventTime().toString());
        entry.put("acknowledgedBy", notification.acknowledgedBy());
        entry.put("dashboardUrl", links.of(notification));
        return entry;
    }

    /** One notification: its idempotency key; a group: a digest of its members' keys, stable across retries. */
    static String id(List<Notification> batch) {
        if (batch.size() == 1) {
            return "msg_" + batch.get(0).idempotencyKey();
        }
        Set<String> seen = new HashSet<>();
        List<String> keys = new ArrayList<>();
        batch.stream().map(Notification::idempotencyKey).filter(seen::add).forEach(keys::add);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(keys.stream().collect(Collectors.joining("\n"))
                    .getBytes(StandardCharsets.UTF_8));
            return "msg_group_" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
