package io.fleetdiag.faults.inject;

import io.fleetdiag.faults.ledger.Ledger;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.testsupport.harness.Http;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A daily restart (docs/alerts.md#reboot-window): the processor's restart hour and zone put a reboot
 * window of {@code window} at a moment of the chaos, and a set of terminals drop off the cloud inside it
 * for {@code away}, less than the window, through the simulator's admin API. The processor must see them
 * go offline and raise no TERMINAL_OFFLINE for them.
 */
public final class Reboot {

    /** Adyen's default restartHour; the zone's offset moves 06:00 local to the window's start. */
    private static final int RESTART_HOUR = 6;
    /** After the window opens, so the first missed snapshot is inside it. */
    private static final Duration LEAVE_AFTER = Duration.ofSeconds(2);

    private final List<String> terminals;
    private final Duration startAt;
    private final Duration window;
    private final Duration away;
    private volatile Instant windowStart;

    /**
     * @param startAt when the window opens, from the start of the chaos
     */
    public Reboot(List<String> terminals, Duration startAt, Duration window, Duration away) {
        if (away.plus(LEAVE_AFTER).compareTo(window) >= 0) {
            throw new IllegalArgumentException("The terminals must be back before the reboot window ends: away " + away + ", window " + window);
        }
        this.terminals = List.copyOf(terminals);
        this.startAt = startAt;
        this.window = window;
        this.away = away;
    }

    public List<String> terminals() {
        return terminals;
    }

    public Duration window() {
        return window;
    }

    public Duration away() {
        return away;
    }

    /** When the terminals leave, from the start of the chaos. */
    public Duration leaveAt() {
        return startAt.plus(LEAVE_AFTER);
    }

    public Duration backAt() {
        return leaveAt().plus(away);
    }

    /**
     * Fixes the window for a chaos that starts at {@code chaosStart} and returns the processor's settings
     * for it: restart hour 6 in the fixed offset that makes 06:00 local the window's start (always within
     * Java's ±18 h).
     */
    public Map<String, String> openFor(Instant chaosStart) {
        Instant start = chaosStart.plus(startAt).truncatedTo(ChronoUnit.SECONDS);
        windowStart = start;
        int utcSecondOfDay = start.atOffset(ZoneOffset.UTC).toLocalTime().toSecondOfDay();
        ZoneOffset zone = ZoneOffset.ofTotalSeconds(RESTART_HOUR * 3600 - utcSecondOfDay);
        return Map.of("processor.reboot-restart-hour", Integer.toString(RESTART_HOUR),
                "processor.reboot-window", window.toSeconds() + "s",
                "processor.reboot-zone", zone.getId());
    }

    public Instant windowStart() {
        return windowStart;
    }

    public Instant windowEnd() {
        return windowStart.plus(window);
    }

    public void leave(URI simulator) throws IOException, InterruptedException {
        online(simulator, false);
    }

    public void comeBack(URI simulator) throws IOException, InterruptedException {
        online(simulator, true);
    }

    private void online(URI simulator, boolean online) throws IOException, InterruptedException {
        for (String poiid : terminals) {
            Http.postJson(simulator.resolve("/admin/terminals/" + poiid).toString(), Map.of("online", online));
        }
    }

    /** The rebooting terminals the processor saw go offline inside the window: all of them, or the test proves nothing. */
    public long seenOffline(Ledger ledger) {
        return terminals.stream().filter(poiid -> ledger.wentOffline(poiid, windowStart, windowEnd())).count();
    }

    /** TERMINAL_OFFLINE raised for a rebooting terminal since the window opened, at its end included. */
    public long falseOfflineAlerts(Ledger ledger) {
        Set<String> rebooting = Set.copyOf(terminals);
        return ledger.edges(AlertType.TERMINAL_OFFLINE).stream()
                .filter(alert -> alert.getStatus() == AlertStatus.RAISED && !alert.getRaisedAt().isBefore(windowStart))
                .map(TerminalAlert::getPoiid).filter(rebooting::contains).distinct().count();
    }
}
