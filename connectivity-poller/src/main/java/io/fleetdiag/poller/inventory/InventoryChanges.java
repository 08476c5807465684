package io.fleetdiag.poller.inventory;

import io.fleetdiag.poller.Scope;
import io.fleetdiag.schemas.TerminalInventory;
import io.fleetdiag.terminalapi.management.InventoryTerminal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one scope's listing changes on the compacted topic: a record for each terminal that is new or
 * differs from what the topic holds, a tombstone for each terminal of the scope that the listing no longer
 * holds. A listing that is smaller than the scope by more than the allowed share is taken as a glitch of the
 * source (an empty or collapsed answer): its removals are held, its additions and changes still go out.
 */
final class InventoryChanges {

    /** One record to publish; {@code value} null is a tombstone. */
    record Change(String poiid, TerminalInventory value) {
    }

    /** The changes, and how many removals were held back. */
    record Result(List<Change> changes, int heldRemovals) {
    }

    private InventoryChanges() {
    }

    static Result of(Scope scope, List<InventoryTerminal> listing, Map<String, TerminalInventory> published, Instant listedAt,
                     double maxRemovedShare) {
        Map<String, TerminalInventory> listed = new LinkedHashMap<>();
        for (InventoryTerminal terminal : listing) {
            listed.putIfAbsent(terminal.id(), record(scope, terminal, listedAt));
        }
        List<Change> changes = new ArrayList<>();
        listed.forEach((poiid, value) -> {
            TerminalInventory before = published.get(poiid);
            if (before == null || !sameApartFromListedAt(before, value)) {
                changes.add(new Change(poiid, value));
            }
        });
        List<Change> removals = new ArrayList<>();
        int ofScope = 0;
        for (Map.Entry<String, TerminalInventory> entry : published.entrySet()) {
            if (scope.key().equals(entry.getValue().getScope())) {
                ofScope++;
                if (!listed.containsKey(entry.getKey())) {
                    removals.add(new Change(entry.getKey(), null));
                }
            }
        }
        // a listing that shrank by more than the share is a collapse; one that only replaced terminals is not
        if (!removals.isEmpty() && listed.size() < (1 - maxRemovedShare) * ofScope) {
            return new Result(changes, removals.size());
        }
        changes.addAll(removals);
        return new Result(changes, 0);
    }

    /**
     * What one Management webhook changes: the terminal's record as the listing would make it, with the assignment the webhook
     * names over what the topic holds (its restart time too, unless its settings were read for a settings change); a tombstone when it moved out of every
     * scope (the listings would drop it too); empty when nothing changed or the terminal is unknown and outside the scopes.
     */
    static Optional<Change> of(List<Scope> scopes, TerminalUpdate update, TerminalInventory before) {
        boolean reassigned = update.status() != null;
        String merchant = update.account() != null ? update.account() : before == null ? null : before.getMerchantAccount();
        String store = reassigned || update.storeId() != null ? update.storeId() : before == null ? null : before.getStore();
        Optional<Scope> scope = scopes.stream().filter(candidate -> candidate.merchantAccount().equals(merchant)
                && (candidate.store() == null || candidate.store().equals(store))).findFirst();
        if (scope.isEmpty()) {
            return before == null ? Optional.empty() : Optional.of(new Change(update.poiid(), null));
        }
        String poiid = update.poiid();
        int dash = poiid.indexOf('-');
        InventoryTerminal terminal = new InventoryTerminal(poiid,
                before != null ? before.getModel() : dash > 0 ? poiid.substring(0, dash) : null,
                before != null ? before.getSerialNumber() : dash > 0 ? poiid.substring(dash + 1) : null,
                before == null ? null : before.getFirmwareVersion(),
                update.companyId() != null ? update.companyId() : before == null ? null : before.getCompanyId(),
                merchant, store,
                reassigned ? update.status() : before == null ? null : before.getAssignmentStatus(),
                reassigned || before == null ? null : before.getReassignmentTarget(),
                before == null ? null : before.getConnectivity(),
                before == null ? null : before.getLastActivityAt(),
                before == null ? null : before.getLastTransactionAt(),
                update.restartLocalTime() != null ? update.restartLocalTime() : before == null ? null : before.getRestartLocalTime());
        TerminalInventory after = record(scope.get(), terminal, update.at());
        return before != null && sameApartFromListedAt(before, after) ? Optional.empty() : Optional.of(new Change(poiid, after));
    }

    static TerminalInventory record(Scope scope, InventoryTerminal terminal, Instant listedAt) {
        return TerminalInventory.newBuilder()
                .setPoiid(terminal.id())
                .setModel(terminal.model())
                .setSerialNumber(terminal.serialNumber())
                .setFirmwareVersion(terminal.firmwareVersion())
                .setCompanyId(terminal.companyId())
                .setMerchantAccount(terminal.merchantId())
                .setStore(terminal.storeId())
                .setAssignmentStatus(terminal.status())
                .setReassignmentTarget(terminal.reassignmentTarget())
                .setConnectivity(terminal.connectivity())
                .setLastActivityAt(terminal.lastActivityAt())
                .setLastTransactionAt(terminal.lastTransactionAt())
                .setRestartLocalTime(terminal.restartLocalTime())
                .setScope(scope.key())
                .setListedAt(listedAt)
                .build();
    }

    private static boolean sameApartFromListedAt(TerminalInventory before, TerminalInventory after) {
        TerminalInventory aligned = TerminalInventory.newBuilder(after).setListedAt(before.getListedAt()).build();
        return Objects.equals(before, aligned);
    }
}
