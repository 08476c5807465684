package io.fleetdiag.faults.inject;

import io.fleetdiag.faults.episodes.Episode;
import io.fleetdiag.faults.ledger.Ledger;
import io.fleetdiag.faults.report.Verdict;
import io.fleetdiag.faults.services.ManagedService;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.simulator.TerminalSimulator;
import io.fleetdiag.simulator.fleet.Terminal;
import io.fleetdiag.testsupport.harness.Http;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A daily restart (docs/alerts.md#reboot-window): the processor's restart hour and zone put a reboot
 * window of {@code window} at a moment of the chaos, and a set of terminals drop off the cloud inside it
 * for {@code away}, less than the window, through the simulator's admin API. The processor must see them
 * go offline and raise no TERMINAL_OFFLINE for them.
 */
public final class Reboot implements Fault {

    /** Adyen's default restartHour; the zone's offset moves 06:00 local to the window's start. */
    private static final int RESTART_HOUR = 6;
    /** After the window opens, so the first missed snapshot is inside it. */
    private static final Duration LEAVE_AFTER = Duration.ofSeconds(2);
    /** From an offline condition's start until the processor surely saw it, a broker restart included. */
    private static final Duration OFFLINE_SHOWN = Duration.ofSeconds(20);
    /** After the window, until a TERMINAL_OFFLINE it held would have been raised (two punctuations). */
    private static final Duration AFTER_WINDOW = Duration.ofSeconds(20);

    private final TerminalSimulator simulator;
    private final ManagedService processor;
    private final Ledger ledger;
    private final List<String> terminals;
    private final Duration startAt;
    private final Duration window;
    private final Duration away;
    private volatile Instant windowStart;

    /**
     * @param startAt when the window opens, from the start of the chaos
     */
    private Reboot(TerminalSimulator simulator, ManagedService processor, Ledger ledger, List<String> terminals, Duration startAt,
                   Duration window, Duration away) {
        if (away.plus(LEAVE_AFTER).compareTo(window) >= 0) {
            throw new IllegalArgumentException("The terminals must be back before the reboot window ends: away " + away + ", window " + window);
        }
        this.simulator = simulator;
        this.processor = processor;
        this.ledger = ledger;
        this.terminals = List.copyOf(terminals);
        this.startAt = startAt;
        this.window = window;
        this.away = away;
    }

    /**
     * {@code count} terminals of a merchant account the storm leaves alone, online and given no condition.
     * Their window opens at 60 % of the chaos, or once every offline condition has shown, so those still
     * raise their alert.
     */
    public static Reboot of(TerminalSimulator simulator, ManagedService processor, Ledger ledger, List<Episode> episodes,
                            String stormMerchantAccount, int count, Duration chaos, Duration window, Duration away) {
        Set<String> withCondition = episodes.stream().map(Episode::poiid).collect(Collectors.toSet());
        List<String> terminals = simulator.fleet().terminals().stream()
                .filter(terminal -> !terminal.merchantAccount().equals(stormMerchantAccount) && !terminal.model().mobile()
                        && !withCondition.contains(terminal.poiid()) && simulator.condition(terminal.poiid()).online())
                .map(Terminal::poiid).limit(count).toList();
        Duration lastOfflineShown = episodes.stream().filter(episode -> !episode.needsCheck()).map(episode -> episode.setAt().plus(OFFLINE_SHOWN))
                .max(Duration::compareTo).orElse(Duration.ZERO);
        Duration startAt = Collections.max(List.of(Duration.ofMillis(chaos.toMillis() * 60 / 100), lastOfflineShown));
        return new Reboot(simulator, processor, ledger, terminals, startAt, window, away);
    }

    /** The terminals that restart, which other faults leave alone. */
    public List<String> terminals() {
        return terminals;
    }

    /** The operator sets the window inside the chaos, whose start is known only now: the processor stops and starts with it. */
    @Override
    public void begin() throws Exception {
        processor.stop();
        processor.startWith(openFor(Instant.now()));
    }

    @Override
    public List<Step> steps() {
        Duration leaveAt = startAt.plus(LEAVE_AFTER);
        return List.of(Step.inTraffic(leaveAt, terminals.size() + " terminals restart inside the reboot window from " + windowStart,
                        () -> online(false)),
                Step.inTraffic(leaveAt.plus(away), "the restarted terminals are back, before the window ends at " + windowEnd(),
                        () -> online(true)));
    }

    /** Only after the window ended and the punctuator had its turn would a held alert show. */
    @Override
    public boolean settled() {
        return Instant.now().isAfter(windowEnd().plus(AFTER_WINDOW));
    }

    @Override
    public List<Verdict.Check> checks() {
        return List.of(new Verdict.Check("false offline alerts (TERMINAL_OFFLINE of terminals restarting inside the reboot window)",
                        falseOfflineAlerts(), 0),
                new Verdict.Check("restarting terminals the processor saw go offline inside the window", seenOffline(), terminals.size()));
    }

    @Override
    public void count(Map<String, Object> counts) {
        counts.put("reboot window (s)", window.toSeconds());
        counts.put("reboot: terminals away inside it", terminals.size());
        counts.put("reboot: away for (s)", away.toSeconds());
    }

    /**
     * Fixes the window for a chaos that starts at {@code chaosStart} and returns the processor's settings
     * for it: restart hour 6 in the fixed offset that makes 06:00 local the window's start (always within
     * Java's ±18 h).
     */
    private Map<String, String> openFor(Instant chaosStart) {
        Instant start = chaosStart.plus(startAt).truncatedTo(ChronoUnit.SECONDS);
        windowStart = start;
        int utcSecondOfDay = start.atOffset(ZoneOffset.UTC).toLocalTime().toSecondOfDay();
        ZoneOffset zone = ZoneOffset.ofTotalSeconds(RESTART_HOUR * 3600 - utcSecondOfDay);
        return Map.of("processor.reboot-restart-hour", Integer.toString(RESTART_HOUR),
                "processor.reboot-window", window.toSeconds() + "s",
                "processor.reboot-zone", zone.getId());
    }

    private Instant windowEnd() {
        return windowStart.plus(window);
    }

    /** As a terminal restarting drops off the cloud and comes back, through the simulator's admin API. */
    private void online(boolean online) throws IOException, InterruptedException {
        for (String poiid : terminals) {
            Http.postJson(simulator.baseUrl().resolve("/admin/terminals/" + poiid).toString(), Map.of("online", online));
        }
    }

    /** The rebooting terminals the processor saw go offline inside the window: all of them, or the test proves nothing. */
    private long seenOffline() {
        return terminals.stream().filter(poiid -> ledger.wentOffline(poiid, windowStart, windowEnd())).count();
    }

    /** TERMINAL_OFFLINE raised for a rebooting terminal since the window opened, at its end included. */
    private long falseOfflineAlerts() {
        Set<String> rebooting = Set.copyOf(terminals);
        return ledger.edges(AlertType.TERMINAL_OFFLINE).stream()
                .filter(alert -> alert.getStatus() == AlertStatus.RAISED && !alert.getRaisedAt().isBefore(windowStart))
                .map(TerminalAlert::getPoiid).filter(rebooting::contains).distinct().count();
    }
}
