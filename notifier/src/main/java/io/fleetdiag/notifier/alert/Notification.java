package io.fleetdiag.notifier.alert;

import io.fleetdiag.schemas.AlertOperation;
import io.fleetdiag.schemas.AlertOperationKind;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.TerminalAlert;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One thing to tell people: an edge of an alert episode, an acknowledgement of one, or a reminder that a
 * CRITICAL one is still unacknowledged. Fleet-level alerts carry no terminal, and may carry no store or
 * merchant account either; every receiver copes with those being null.
 *
 * @param type     the rule's name, a string so that a rule added by a newer writer still routes by name
 * @param severity INFO, WARNING or CRITICAL (UNKNOWN from a newer writer)
 * @param silenced a fleetdiag silence matched the edge, or the processor marked it as not paging
 */
public record Notification(Kind kind, String alertId, AlertStatus status, String type, String severity, String poiid,
                           String merchantAccount, String store, String summary, String remediation, Map<String, String> evidence,
                           Instant raisedAt, Instant resolvedAt, Instant eventTime, boolean silenced, String acknowledgedBy) {

    /** What the notification is about. */
    public enum Kind { ALERT, ACKNOWLEDGEMENT, REMINDER }

    public Notification {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(eventTime, "eventTime");
        summary = summary == null ? "" : summary;
        remediation = remediation == null ? "" : remediation;
        evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
        poiid = blankToNull(poiid);
        merchantAccount = blankToNull(merchantAccount);
        store = blankToNull(store);
    }

    public static Notification of(TerminalAlert alert) {
        return new Notification(Kind.ALERT, alert.getAlertId(), alert.getStatus(), alert.getType().name(), alert.getSeverity().name(),
                alert.getPoiid(), alert.getMerchantAccount(), alert.getStore(), alert.getSummary(), alert.getRemediation(),
                alert.getEvidence(), alert.getRaisedAt(), alert.getResolvedAt(), alert.getEventTime(),
                alert.getSilenced() || !alert.getPaging(), alert.getAcknowledgedBy());
    }

    /** An acknowledgement, described by the alert it acknowledges as far as the operation names it. */
    public static Notification acknowledgement(AlertOperation operation) {
        if (operation.getKind() != AlertOperationKind.ACKNOWLEDGEMENT) {
            throw new IllegalArgumentException("not an acknowledgement: " + operation.getKind());
        }
        String type = operation.getScope().getAlertType();
        return new Notification(Kind.ACKNOWLEDGEMENT, operation.getId(), AlertStatus.UPDATED, type == null ? "UNKNOWN" : type, "UNKNOWN",
                operation.getScope().getPoiid(), operation.getScope().getMerchantAccount(), operation.getScope().getStore(),
                "Acknowledged by " + operation.getBy(), "", Map.of(), operation.getCreatedAt(), null, operation.getCreatedAt(), false,
                operation.getBy());
    }

    public Notification reminder(Instant at) {
        return new Notification(Kind.REMINDER, alertId, status, type, severity, poiid, merchantAccount, store, "Still unacknowledged: "
                + summary, remediation, evidence, raisedAt, resolvedAt, at, silenced, acknowledgedBy);
    }

    public boolean firing() {
        return status != AlertStatus.RESOLVED;
    }

    /** The same on every retry and every re-read of the record, different for each edge: what receivers deduplicate by. */
    public String idempotencyKey() {
        return switch (kind) {
            case ALERT -> alertId + "/" + status.name().toLowerCase() + "/" + eventTime.toEpochMilli();
            case ACKNOWLEDGEMENT -> alertId + "/acknowledged";
            case REMINDER -> alertId + "/reminder/" + eventTime.toEpochMilli();
        };
    }

    /** The store the notification belongs to, the unit of grouping: {@code merchantAccount/store}, a merchant account, or {@code fleet}. */
    public String groupKey() {
        if (merchantAccount == null) {
            return "fleet";
        }
        return store == null ? merchantAccount : merchantAccount + "/" + store;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
