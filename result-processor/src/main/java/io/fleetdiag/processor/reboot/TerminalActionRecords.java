package io.fleetdiag.processor.reboot;

import io.fleetdiag.schemas.ScheduledAction;
import io.fleetdiag.schemas.TerminalAction;
import io.fleetdiag.schemas.TerminalActionKind;
import io.fleetdiag.terminalapi.management.TerminalActionsClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The terminal-actions records of a scheduled ForceReboot and of a change seen while following one, with the key each goes under. */
public final class TerminalActionRecords {

    public static final String FORCE_REBOOT = "ForceReboot";
    /** The status of an action Adyen has just scheduled. */
    public static final String PENDING = "pending";

    /** A record and its key: the POIID, or {@code merchantAccount/store} for a store's request. */
    public record Keyed(String key, TerminalAction value) {
        public Keyed {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    private TerminalActionRecords() {
    }

    /** One terminal's ForceReboot as scheduled by {@code by}. */
    public static Keyed terminal(String poiid, TerminalActionsClient.Schedule schedule, String by, Instant at) {
        return new Keyed(poiid, scheduled(schedule, by, at).build());
    }

    /** A store's ForceReboot as scheduled by {@code by}: every terminal's action, and those Adyen refused. */
    public static Keyed store(String merchantAccount, String store, TerminalActionsClient.Schedule schedule, String by, Instant at) {
        return new Keyed(merchantAccount + "/" + store, scheduled(schedule, by, at).setMerchantAccount(merchantAccount).setStore(store).build());
    }

    /** One action's status as {@code by}'s follow-up saw it change. */
    public static Keyed outcome(TerminalActionsClient.Action action, String by, Instant at) {
        return new Keyed(action.terminalId(), TerminalAction.newBuilder()
                .setKind(TerminalActionKind.OUTCOME)
                .setActionType(action.actionType() == null ? FORCE_REBOOT : action.actionType())
                .setBy(by)
                .setAt(at)
                .setActions(List.of(new ScheduledAction(action.terminalId(), action.id())))
                .setStatus(action.status())
                .setDetail(action.result())
                .build());
    }

    private static TerminalAction.Builder scheduled(TerminalActionsClient.Schedule schedule, String by, Instant at) {
        return TerminalAction.newBuilder()
                .setKind(TerminalActionKind.SCHEDULED)
                .setActionType(FORCE_REBOOT)
                .setBy(by)
                .setAt(at)
                .setActions(schedule.scheduled().stream().map(one -> new ScheduledAction(one.terminalId(), one.actionId())).toList())
                .setRefused(Map.copyOf(schedule.errors()))
                .setStatus(PENDING);
    }
}
