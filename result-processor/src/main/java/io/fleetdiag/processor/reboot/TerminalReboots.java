package io.fleetdiag.processor.reboot;

import io.fleetdiag.processor.codec.BinarySerde;
import io.fleetdiag.schemas.TerminalAction;
import io.fleetdiag.schemas.TerminalActionKind;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One terminal's row of {@link RebootTable}: its actions, newest first, each with the last status terminal-actions recorded. */
public record TerminalReboots(List<Known> newestFirst) {

    /** The table's format: the actions in order, strings as written. */
    public static final BinarySerde<TerminalReboots> SERDE = new BinarySerde<>(1, TerminalReboots::write, (in, version) -> read(in));

    /** One action as last recorded; {@code by} and {@code scheduledAt} are null when only its outcome was seen. */
    public record Known(String actionId, String actionType, String by, Instant scheduledAt, String status, Instant seenAt) {
        public Known {
            Objects.requireNonNull(actionId, "actionId");
            Objects.requireNonNull(actionType, "actionType");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(seenAt, "seenAt");
        }

        /** For the API: the action with its last status seen. */
        public Map<String, Object> json() {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("actionId", actionId);
            item.put("actionType", actionType);
            item.put("by", by);
            item.put("scheduledAt", scheduledAt == null ? null : scheduledAt.toString());
            item.put("status", status);
            item.put("seenAt", seenAt.toString());
            return item;
        }
    }

    public static final TerminalReboots NONE = new TerminalReboots(List.of());

    public TerminalReboots {
        newestFirst = List.copyOf(newestFirst);
    }

    /**
     * This row with {@code record}'s action {@code actionId} applied: a SCHEDULED one is added in front, an OUTCOME changes
     * the status of the action it names (added in front when the row never had it). A record older than what the row
     * holds of the action (a replay) changes nothing.
     */
    public TerminalReboots with(String actionId, TerminalAction record) {
        List<Known> actions = new ArrayList<>(newestFirst);
        int at = -1;
        for (int i = 0; i < actions.size() && at < 0; i++) {
            at = actions.get(i).actionId().equals(actionId) ? i : -1;
        }
        Known before = at < 0 ? null : actions.get(at);
        if (before != null && record.getAt().isBefore(before.seenAt())) {
            return this;
        }
        boolean scheduled = record.getKind() == TerminalActionKind.SCHEDULED;
        Known after = new Known(actionId, record.getActionType(),
                scheduled ? record.getBy() : before == null ? null : before.by(),
                scheduled ? record.getAt() : before == null ? null : before.scheduledAt(),
                record.getStatus(), record.getAt());
        if (before == null) {
            actions.add(0, after);
        } else {
            actions.set(at, after);
        }
        return new TerminalReboots(actions);
    }

    /** The newest {@code keep} actions, without those last seen before {@code cutoff}. */
    public TerminalReboots trimmed(int keep, Instant cutoff) {
        return new TerminalReboots(newestFirst.stream().limit(keep).filter(known -> !known.seenAt().isBefore(cutoff)).toList());
    }

    private static void write(TerminalReboots row, DataOutputStream out) throws IOException {
        out.writeInt(row.newestFirst().size());
        for (Known known : row.newestFirst()) {
            out.writeUTF(known.actionId());
            out.writeUTF(known.actionType());
            BinarySerde.writeNullable(out, known.by());
            out.writeBoolean(known.scheduledAt() != null);
            if (known.scheduledAt() != null) {
                BinarySerde.writeInstant(out, known.scheduledAt());
            }
            out.writeUTF(known.status());
            BinarySerde.writeInstant(out, known.seenAt());
        }
    }

    private static TerminalReboots read(DataInputStream in) throws IOException {
        int size = in.readInt();
        List<Known> actions = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            actions.add(new Known(in.readUTF(), in.readUTF(), BinarySerde.readNullable(in), in.readBoolean() ? BinarySerde.readInstant(in) : null,
                    in.readUTF(), BinarySerde.readInstant(in)));
        }
        return new TerminalReboots(actions);
    }
}
