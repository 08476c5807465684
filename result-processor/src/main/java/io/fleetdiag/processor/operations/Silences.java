package io.fleetdiag.processor.operations;

import io.fleetdiag.schemas.AlertOperation;
import io.fleetdiag.schemas.AlertOperationKind;
import io.fleetdiag.schemas.AlertScope;
import io.fleetdiag.schemas.TerminalAlert;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** When a silence is active and which alerts it matches (docs/alert-operations.md). */
public final class Silences {

    /** silenceIds start with this, so the table can list silences without reading every acknowledgement. */
    public static final String ID_PREFIX = "silence-";

    private Silences() {
    }

    /** A new silence, active from {@code at}; its id is random. */
    public static AlertOperation create(AlertScope scope, Instant until, String by, String reason, Instant at) {
        return AlertOperation.newBuilder()
                .setKind(AlertOperationKind.SILENCE)
                .setId(ID_PREFIX + UUID.randomUUID())
                .setBy(by)
                .setNote(reason)
                .setCreatedAt(at)
                .setScope(scope)
                .setUntil(until)
                .build();
    }

    /** The silence ended early: the same key, so the table and compaction keep only this form. */
    public static AlertOperation ended(AlertOperation silence, String by, Instant at) {
        return AlertOperation.newBuilder(silence).setEndedAt(at).setEndedBy(by).build();
    }

    /** From its creation until {@code until} or until it was ended early, whichever comes first. */
    public static boolean activeAt(AlertOperation silence, Instant at) {
        return silence.getKind() == AlertOperationKind.SILENCE
                && !at.isBefore(silence.getCreatedAt())
                && silence.getUntil() != null && at.isBefore(silence.getUntil())
                && (silence.getEndedAt() == null || at.isBefore(silence.getEndedAt()));
    }

    /**
     * Every field the silence's scope sets equals the alert's; a scope that sets none matches nothing. A
     * terminal silence matches the terminal wherever it is: the merchant account and store it records
     * say who may see the silence, as of when it was made.
     */
    public static boolean matches(AlertOperation silence, AlertScope alert) {
        AlertScope scope = silence.getScope();
        if (scope == null || (scope.getPoiid() == null && scope.getMerchantAccount() == null && scope.getAlertType() == null)) {
            return false;
        }
        boolean terminal = scope.getPoiid() != null;
        return same(scope.getPoiid(), alert.getPoiid())
                && (terminal || same(scope.getMerchantAccount(), alert.getMerchantAccount()))
                && (terminal || same(scope.getStore(), alert.getStore()))
                && same(scope.getAlertType(), alert.getAlertType());
    }

    /** What a silence would have to match of this alert. */
    public static AlertScope scopeOf(TerminalAlert alert) {
        return AlertScope.newBuilder().setPoiid(alert.getPoiid()).setMerchantAccount(alert.getMerchantAccount())
                .setStore(alert.getStore()).setAlertType(alert.getType().name()).build();
    }

    private static boolean same(String wanted, String actual) {
        return wanted == null || Objects.equals(wanted, actual);
    }
}
