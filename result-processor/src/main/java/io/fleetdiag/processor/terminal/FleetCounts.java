package io.fleetdiag.processor.terminal;

import io.fleetdiag.processor.codec.BinarySerde;
import io.fleetdiag.schemas.Presence;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts over the terminals of one stream task, kept up to date as terminals change, so the fleet
 * view sums a handful of records instead of reading every terminal. {@code terminals} includes the
 * inventory's terminals no snapshot listed yet; {@code neverSeen} counts them apart (format v2).
 */
public record FleetCounts(long terminals, long online, long offline, long neverSeen, long withActiveAlerts, Map<String, Long> activeAlertsByType,
                          Map<String, Long> resultsByOutcome) {

    public static final FleetCounts EMPTY = new FleetCounts(0, 0, 0, 0, 0, Map.of(), Map.of());

    /** What a terminal adds to the counts. */
    public record Share(boolean known, Presence presence, Iterable<String> alertTypes) {
    }

    public FleetCounts minus(Share share) {
        return add(share, -1);
    }

    public FleetCounts plus(Share share) {
        return add(share, 1);
    }

    private FleetCounts add(Share share, int sign) {
        if (!share.known()) {
            return this;
        }
        Map<String, Long> alerts = new TreeMap<>(activeAlertsByType);
        boolean any = false;
        for (String type : share.alertTypes()) {
            alerts.merge(type, (long) sign, Long::sum);
            any = true;
        }
        alerts.values().removeIf(count -> count == 0);
        return new FleetCounts(terminals + sign,
                online + (share.presence() == Presence.ONLINE ? sign : 0),
                offline + (share.presence() == Presence.OFFLINE ? sign : 0),
                neverSeen + (share.presence() == Presence.NEVER_SEEN ? sign : 0),
                withActiveAlerts + (any ? sign : 0), alerts, resultsByOutcome);
    }

    public FleetCounts withResult(String outcome) {
        Map<String, Long> results = new TreeMap<>(resultsByOutcome);
        results.merge(outcome, 1L, Long::sum);
        return new FleetCounts(terminals, online, offline, neverSeen, withActiveAlerts, activeAlertsByType, results);
    }

    public FleetCounts sum(FleetCounts other) {
        Map<String, Long> alerts = new TreeMap<>(activeAlertsByType);
        other.activeAlertsByType.forEach((type, count) -> alerts.merge(type, count, Long::sum));
        Map<String, Long> results = new TreeMap<>(resultsByOutcome);
        other.resultsByOutcome.forEach((outcome, count) -> results.merge(outcome, count, Long::sum));
        return new FleetCounts(terminals + other.terminals, online + other.online, offline + other.offline,
                neverSeen + other.neverSeen, withActiveAlerts + other.withActiveAlerts, alerts, results);
    }

    public static final BinarySerde<FleetCounts> SERDE = new BinarySerde<>(2,
            (counts, out) -> {
                out.writeLong(counts.terminals());
                out.writeLong(counts.online());
                out.writeLong(counts.offline());
                out.writeLong(counts.withActiveAlerts());
                writeMap(out, counts.activeAlertsByType());
                writeMap(out, counts.resultsByOutcome());
                out.writeLong(counts.neverSeen());
            },
            FleetCounts::read);

    /** v1 had no never-seen count: the inventory was not joined yet, so it was 0. */
    private static FleetCounts read(DataInputStream in, int version) throws IOException {
        long terminals = in.readLong();
        long online = in.readLong();
        long offline = in.readLong();
        long withActiveAlerts = in.readLong();
        Map<String, Long> alerts = readMap(in);
        Map<String, Long> results = readMap(in);
        long neverSeen = version >= 2 ? in.readLong() : 0;
        return new FleetCounts(terminals, online, offline, neverSeen, withActiveAlerts, alerts, results);
    }

    private static void writeMap(DataOutputStream out, Map<String, Long> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, Long> entry : map.entrySet()) {
            out.writeUTF(entry.getKey());
            out.writeLong(entry.getValue());
        }
    }

    private static Map<String, Long> readMap(DataInputStream in) throws IOException {
        int size = in.readInt();
        Map<String, Long> map = new TreeMap<>();
        for (int i = 0; i < size; i++) {
            map.put(in.readUTF(), in.readLong());
        }
        return map;
    }
}
