package io.fleetdiag.faults.episodes;

import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.simulator.fleet.Condition;
import io.fleetdiag.simulator.fleet.Terminal;
import java.time.Duration;
import java.util.Map;

/**
 * A condition the suite gives one terminal at {@code setAt} and takes away at {@code clearAt}
 * (offsets from the start of the chaos), and the alert it must raise and then resolve.
 */
public record Episode(String poiid, AlertType type, Map<String, Object> set, Map<String, Object> clear, Duration setAt, Duration clearAt) {

    /** The alert a terminal of this kind can show, or null when its condition already shows one. */
    public static Episode forTerminal(Terminal terminal, Condition now, int index, Duration setAt, Duration clearAt) {
        if (!now.online() || now.unconfirmedBatchCount() > 0 || !"OK".equals(now.printerStatus())
                || (now.batteryLevel() != null && now.batteryLevel() < 40)) {
            return null;
        }
        if (index % 4 == 0) {
            return new Episode(terminal.poiid(), AlertType.TERMINAL_OFFLINE, Map.of("online", false), Map.of("online", true), setAt, clearAt);
        }
        if (terminal.model().printer()) {
            return new Episode(terminal.poiid(), AlertType.PRINTER_FAULT, Map.of("paper", "NoPaper"), Map.of("paper", "OK"), setAt, clearAt);
        }
        if (terminal.model().battery()) {
            return new Episode(terminal.poiid(), AlertType.BATTERY_LOW, Map.of("battery", 5), Map.of("battery", 90), setAt, clearAt);
        }
        if (terminal.model().mobile()) {
            // every check of a Mobile SDK is a host diagnosis, which forwards stored payments while the host is reachable
            return new Episode(terminal.poiid(), AlertType.UNCONFIRMED_BATCH, Map.of("unconfirmed", 3, "hostReachable", false),
                    Map.of("unconfirmed", 0, "hostReachable", true), setAt, clearAt);
        }
        return new Episode(terminal.poiid(), AlertType.UNCONFIRMED_BATCH, Map.of("unconfirmed", 3), Map.of("unconfirmed", 0), setAt, clearAt);
    }

    /** A diagnosis shows it; going offline shows in the next snapshots. */
    public boolean needsCheck() {
        return type != AlertType.TERMINAL_OFFLINE;
    }
}
