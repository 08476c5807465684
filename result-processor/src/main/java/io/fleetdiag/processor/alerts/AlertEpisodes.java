package io.fleetdiag.processor.alerts;

import io.fleetdiag.schemas.ActiveAlert;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.TerminalAlert;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * Turns "these conditions hold now" into alert edges: a RAISED record when a condition starts, a
 * RESOLVED record (same alertId) when it stops, an UPDATED record (same alertId, new severity,
 * summary and evidence) when its severity changes while it holds, up or down (docs/alerts-escalation.md),
 * and nothing else while it holds. The alertId is derived from the subject, the type and the moment
 * the episode started, so reprocessing the same input yields the same id.
 */
public final class AlertEpisodes {

    /** The alerts active after reconciling, and the edges to publish. */
    public record Outcome(List<ActiveAlert> active, List<TerminalAlert> edges) {
    }

    /** Who the alerts are about. */
    public record Subject(String poiid, String merchantAccount, String store) {
        String id() {
            return poiid != null ? poiid : merchantAccount + "/" + store;
        }
    }

    /** The evidence key of an UPDATED record that holds the severity before the change. */
    public static final String PREVIOUS_SEVERITY = "previousSeverity";

    private AlertEpisodes() {
    }

    public static String alertId(String subject, AlertType type, Instant raisedAt) {
        return UUID.nameUUIDFromBytes((subject + "|" + type + "|" + raisedAt.toEpochMilli()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * @param clearing the evidence of a type whose condition stopped, for its RESOLVED record
     * @param requestId the check whose result led here, if one did
     */
    public static Outcome reconcile(Subject subject, List<ActiveAlert> before, Map<AlertType, AlertCondition> holding, Instant at,
                                    String requestId, Function<AlertType, Map<String, String>> clearing) {
        Map<AlertType, ActiveAlert> active = new EnumMap<>(AlertType.class);
        before.forEach(alert -> active.put(alert.getType(), alert));
        List<TerminalAlert> edges = new ArrayList<>();
        for (ActiveAlert alert : before) {
            if (!holding.containsKey(alert.getType())) {
                active.remove(alert.getType());
                edges.add(TerminalAlert.newBuilder()
                        .setAlertId(alert.getAlertId())
                        .setStatus(AlertStatus.RESOLVED)
                        .setType(alert.getType())
                        .setSeverity(alert.getSeverity())
                        .setPoiid(subject.poiid())
                        .setMerchantAccount(subject.merchantAccount())
                        .setStore(subject.store())
                        .setSummary("Resolved: " + alert.getSummary())
                        .setEvidence(clearing.apply(alert.getType()))
                        .setRemediation("Nothing to do: the condition cleared.")
                        .setRequestId(requestId)
                        .setRaisedAt(alert.getRaisedAt())
                        .setResolvedAt(at)
                        .setEventTime(at)
                        .build());
            }
        }
        holding.forEach((type, condition) -> {
            ActiveAlert open = active.get(type);
            if (open != null && open.getSeverity() != condition.severity()) {
                active.put(type, ActiveAlert.newBuilder(open).setSeverity(condition.severity()).setSummary(condition.summary()).build());
                edges.add(edge(open.getAlertId(), AlertStatus.UPDATED, subject, condition, requestId, open.getRaisedAt(), at)
                        .setEvidence(withPrevious(condition.evidence(), open))
                        .build());
            } else if (open == null) {
                String alertId = alertId(subject.id(), type, at);
                active.put(type, ActiveAlert.newBuilder().setAlertId(alertId).setType(type).setSeverity(condition.severity())
                        .setSummary(condition.summary()).setRaisedAt(at).build());
                edges.add(edge(alertId, AlertStatus.RAISED, subject, condition, requestId, at, at).build());
            }
        });
        return new Outcome(new ArrayList<>(active.values()), edges);
    }

    private static TerminalAlert.Builder edge(String alertId, AlertStatus status, Subject subject, AlertCondition condition,
                                              String requestId, Instant raisedAt, Instant at) {
        return TerminalAlert.newBuilder()
                .setAlertId(alertId)
                .setStatus(status)
                .setType(condition.type())
                .setSeverity(condition.severity())
                .setPoiid(subject.poiid())
                .setMerchantAccount(subject.merchantAccount())
                .setStore(subject.store())
                .setSummary(condition.summary())
                .setEvidence(condition.evidence())
                .setRemediation(condition.remediation())
                .setRequestId(requestId)
                .setRaisedAt(raisedAt)
                .setEventTime(at);
    }

    /** An UPDATED record also says what the severity was, so a reader sees the step without the episode's history. */
    private static Map<String, String> withPrevious(Map<String, String> evidence, ActiveAlert open) {
        Map<String, String> values = new TreeMap<>(evidence);
        values.put(PREVIOUS_SEVERITY, open.getSeverity().name());
        return values;
    }
}
