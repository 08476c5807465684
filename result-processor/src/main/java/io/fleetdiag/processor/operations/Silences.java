package io.fleetdiag.processor.operations;

import io.fleetdiag.schemas.AlertOperation;
import io.fleetdiag.schemas.AlertOperationKind;
import io.fleetdiag.schemas.AlertScope;
import io.fleetdiag.schemas.TerminalAlert;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** When a silence is active and which alerts it matches (docs/alert-operations.md). */
public final class Silences {

    /** silenceIds start with this, so the table can list silences without reading every acknowledgement. */
    public static final String ID_PREFIX = "silence-";

    /*
     * After the prefix, the id names what the silence is keyed by: the whole fleet (a type only), a merchant
     * account, a store name (a store without its account) or a terminal, each by a short hash so the id stays
     * URL-safe. An alert is then compared with the silences under its own four keys only, not with every
     * silence the table holds (docs/alert-operations.md).
     */
    private static final String FLEET = "fleet-";
    private static final String ACCOUNT = "ma";
    private static final String STORE = "st";
    private static final String TERMINAL = "poi";

    private Silences() {
    }

    /** A new silence, active from {@code at}; its id is random. */
    public static AlertOperation create(AlertScope scope, Instant until, String by, String reason, Instant at) {
        return AlertOperation.newBuilder()
                .setKind(AlertOperationKind.SILENCE)
                .setId(keyOf(scope) + UUID.randomUUID())
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

    /** The id prefixes under which every silence that could match this alert is kept. */
    public static List<String> lookupPrefixes(AlertScope alert) {
        List<String> prefixes = new ArrayList<>(List.of(ID_PREFIX + FLEET));
        if (alert.getMerchantAccount() != null) {
            prefixes.add(hashed(ACCOUNT, alert.getMerchantAccount()));
        }
        if (alert.getStore() != null) {
            prefixes.add(hashed(STORE, alert.getStore()));
        }
        if (alert.getPoiid() != null) {
            prefixes.add(hashed(TERMINAL, alert.getPoiid()));
        }
        return prefixes;
    }

    /** The narrowest field the scope sets decides where the silence is kept; each is one of an alert's lookup prefixes. */
    private static String keyOf(AlertScope scope) {
        if (scope.getPoiid() != null) {
            return hashed(TERMINAL, scope.getPoiid());
        }
        if (scope.getMerchantAccount() != null) {
            return hashed(ACCOUNT, scope.getMerchantAccount());
        }
        return scope.getStore() != null ? hashed(STORE, scope.getStore()) : ID_PREFIX + FLEET;
    }

    private static String hashed(String kind, String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return ID_PREFIX + kind + HexFormat.of().formatHex(digest, 0, 5) + "-";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static boolean same(String wanted, String actual) {
        return wanted == null || Objects.equals(wanted, actual);
    }
}
