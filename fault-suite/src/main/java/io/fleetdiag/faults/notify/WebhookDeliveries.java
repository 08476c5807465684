package io.fleetdiag.faults.notify;

import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.TerminalAlert;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the webhook receiver got, held against the alert edges on terminal-alerts: every RAISED and RESOLVED
 * that pages (routing sends everything, inhibition off) must arrive; a notification may arrive again only
 * under the same {@code webhook-id}, the receiver's deduplication key; and an alert's RESOLVED never
 * arrives before its RAISED.
 *
 * @param lost            edges that page and never arrived
 * @param otherIdRepeats  notifications that arrived under more than one webhook-id (a receiver would keep both)
 * @param outOfOrder      alerts whose RESOLVED first arrived before their RAISED
 * @param repeats         notifications that arrived more than once (each under the same webhook-id when otherIdRepeats is 0)
 * @param deliveries      notifications received in all, repeats included
 */
public record WebhookDeliveries(Set<String> lost, long otherIdRepeats, long outOfOrder, long repeats, long deliveries) {

    /** One notification as the receiver took it, in arrival order. */
    public record Received(String webhookId, String idempotencyKey, String alertId, String status) {
    }

    /** The edges among {@code received}, as {@code alertId/status}. */
    public static Set<String> arrived(List<Received> received) {
        Set<String> arrived = new HashSet<>();
        received.forEach(one -> arrived.add(one.alertId() + "/" + one.status()));
        return arrived;
    }

    public static WebhookDeliveries of(List<TerminalAlert> edges, List<Received> received) {
        Set<String> lost = new LinkedHashSet<>();
        for (TerminalAlert edge : edges) {
            if (edge.getStatus() != AlertStatus.UPDATED && edge.getPaging() && !edge.getSilenced()) {
                lost.add(edge.getAlertId() + "/" + edge.getStatus());
            }
        }
        Map<String, Set<String>> idsByKey = new HashMap<>();
        Map<String, Integer> firstArrival = new HashMap<>();
        Map<String, Integer> times = new HashMap<>();
        for (int i = 0; i < received.size(); i++) {
            Received one = received.get(i);
            lost.remove(one.alertId() + "/" + one.status());
            idsByKey.computeIfAbsent(one.idempotencyKey(), key -> new HashSet<>()).add(one.webhookId());
            times.merge(one.idempotencyKey(), 1, Integer::sum);
            firstArrival.putIfAbsent(one.alertId() + "/" + one.status(), i);
        }
        long repeats = times.values().stream().mapToLong(count -> count - 1).sum();
        long otherIdRepeats = idsByKey.values().stream().filter(ids -> ids.size() > 1).count();
        long outOfOrder = firstArrival.entrySet().stream().filter(entry -> entry.getKey().endsWith("/" + AlertStatus.RESOLVED))
                .filter(entry -> {
                    Integer raised = firstArrival.get(entry.getKey().substring(0, entry.getKey().lastIndexOf('/')) + "/" + AlertStatus.RAISED);
                    return raised != null && raised > entry.getValue();
                }).count();
        return new WebhookDeliveries(Set.copyOf(lost), otherIdRepeats, outOfOrder, repeats, received.size());
    }
}
