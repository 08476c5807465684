package io.fleetdiag.simulator.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An event a terminal notifies (a Terminal API EventNotification): what, with which details, whether it needs maintenance,
 * and when. Terminals notify when their troubles start and end ({@link #between}); the admin API can make one notify anything.
 */
public record Notice(String poiid, String eventToNotify, String eventDetails, boolean maintenanceRequired, long at) {

    /** Where a terminal's notices go. */
    @FunctionalInterface
    public interface Sink {
        void notice(Notice notice);
    }

    public Notice {
        Objects.requireNonNull(poiid, "poiid");
        Objects.requireNonNull(eventToNotify, "eventToNotify");
    }

    /** What a terminal notices of itself: its cloud connection, its tamper switches, a software update. */
    record Signals(boolean online, boolean tampered, boolean maintenance) {

        static Signals of(Condition.Builder condition) {
            return new Signals(condition.online, Boolean.TRUE.equals(condition.tampered), "Maintenance".equals(condition.globalStatus));
        }

        /** The notices of a change from {@code before} to this. */
        List<Notice> since(Signals before, String poiid, long at) {
            List<Notice> notices = new ArrayList<>();
            if (maintenance && !before.maintenance) {
                notices.add(new Notice(poiid, "BeginMaintenance", "reason=SoftwareUpdate", false, at));
            }
            if (before.online && !online) {
                notices.add(new Notice(poiid, "NetworkDisconnected", "network=lost", false, at));
            }
            if (!before.online && online) {
                notices.add(new Notice(poiid, "NetworkConnected", "network=restored", false, at));
            }
            if (tampered && !before.tampered) {
                notices.add(new Notice(poiid, "SecurityAlarm", "reason=AntiRemovalSwitchTriggered", true, at));
            }
            if (!maintenance && before.maintenance) {
                notices.add(new Notice(poiid, "EndMaintenance", "reason=SoftwareUpdate", false, at));
            }
            return notices;
        }
    }
}
