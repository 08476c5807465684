package io.fleetdiag.faults.inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdiag.faults.ledger.Ledger;
import io.fleetdiag.faults.report.Verdict;
import io.fleetdiag.faults.services.Fleetdiag;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.simulator.TerminalSimulator;
import io.fleetdiag.simulator.api.EventNotifier;
import io.fleetdiag.simulator.api.ManagementWebhooks;
import io.fleetdiag.simulator.fleet.Notice;
import io.fleetdiag.simulator.fleet.Terminal;
import io.fleetdiag.testsupport.harness.Http;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;

/**
 * What terminals and Adyen tell the poller, made hostile: a notification flood, in which {@code terminals} terminals each send
 * one event notification and resend it {@value #RESENDS} times (half an {@code OutOfOrder}, half a {@code NetworkConnected} while
 * online), at 40 % of the chaos, with the poller being killed around it; and, once the chaos is over, forged Management webhooks
 * ({@link Forgeries}) beside one genuine, signed reassignment from the simulator. A resend must never make a second alert: an
 * OutOfOrder terminal gets one OUT_OF_ORDER episode, a NetworkConnected one none of the event rules' alerts. Every forgery must
 * be refused, as the poller's own counter says, and move no terminal, while the genuine one moves its terminal.
 */
public final class SignalFlood implements Fault, AutoCloseable {

    static final int RESENDS = 10;
    private static final String MOVED_STORE = "ST-MOVED-BY-WEBHOOK";
    private static final Set<AlertType> EVENT_ALERTS = Set.of(AlertType.OUT_OF_ORDER, AlertType.TERMINAL_SHUTDOWN, AlertType.TAMPER_DETECTED);

    private final TerminalSimulator simulator;
    private final Fleetdiag services;
    private final Ledger ledger;
    private final List<Terminal> outOfOrder;
    private final List<Terminal> benign;
    private final Duration floodAt;
    private final Forgeries forgeries;
    private final ScheduledExecutorService sending = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "signal-flood");
        thread.setDaemon(true);
        return thread;
    });
    private final EventNotifier notifier;
    private ManagementWebhooks webhooks;

    /**
     * {@code terminals} online, non-mobile terminals the other faults leave alone ({@code busy}), from the end of the fleet.
     */
    public SignalFlood(TerminalSimulator simulator, Fleetdiag services, Ledger ledger, Set<String> busy, int terminals, int forged,
                       Duration chaos) {
        this.simulator = simulator;
        this.services = services;
        this.ledger = ledger;
        List<Terminal> fleet = new ArrayList<>(simulator.fleet().terminals());
        Collections.reverse(fleet);
        List<Terminal> chosen = fleet.stream().filter(terminal -> !busy.contains(terminal.poiid()) && !terminal.model().mobile()
                && simulator.condition(terminal.poiid()).online()).limit(terminals).toList();
        this.outOfOrder = chosen.subList(0, chosen.size() / 2);
        this.benign = chosen.subList(chosen.size() / 2, chosen.size());
        this.floodAt = Duration.ofMillis(chaos.toMillis() * 40 / 100);
        this.forgeries = new Forgeries(services.managementWebhooks(), benign.get(0), forged);
        this.notifier = new EventNotifier(new EventNotifier.Target(services.terminalEvents(), Fleetdiag.EVENTS_USER, Fleetdiag.EVENTS_PASSWORD),
                1.0, RESENDS, sending, 1L);
    }

    @Override
    public void begin() {
        webhooks = simulator.sendWebhooksTo(new ManagementWebhooks.Target(services.managementWebhooks(), Fleetdiag.WEBHOOKS_HMAC_KEY));
    }

    @Override
    public List<Step> steps() {
        return List.of(Step.inTraffic(floodAt, (outOfOrder.size() + benign.size()) + " event notifications, each resent " + RESENDS + " times",
                () -> {
                    long now = System.currentTimeMillis();
                    outOfOrder.forEach(terminal -> notifier.notice(new Notice(terminal.poiid(), "OutOfOrder", "reason=FaultSuiteFlood", true, now)));
                    benign.forEach(terminal -> notifier.notice(new Notice(terminal.poiid(), "NetworkConnected", "network=restored", false, now)));
                }));
    }

    /** Every service runs again and none is killed from now on, so the poller's counters cover every forgery. */
    @Override
    public void settle() throws Exception {
        forgeries.send();
        Terminal moved = benign.get(benign.size() - 1);
        simulator.cloud().reassign(moved.poiid(), moved.merchantAccount(), MOVED_STORE);
    }

    @Override
    public boolean settled() {
        long sent = (long) (outOfOrder.size() + benign.size()) * (RESENDS + 1);
        return notifier.delivered() + notifier.failed() >= sent && webhooks.delivered() + webhooks.failed() >= 1
                && storeOf(benign.get(benign.size() - 1)).equals(MOVED_STORE);
    }

    @Override
    public List<Verdict.Check> checks() throws Exception {
        Map<String, Double> metrics = Http.prometheus(services.poller().url("/metrics"));
        return List.of(new Verdict.Check("false alerts of the notification flood (each notification sent " + (RESENDS + 1) + " times)",
                        falseAlerts(), 0),
                new Verdict.Check("forged Management webhooks refused (the poller's bad_signature counter)",
                        (long) Http.sum(metrics, "fleetdiag_poller_management_webhooks_total", "outcome=\"bad_signature\""), forgeries.sent()),
                new Verdict.Check("forged Management webhooks answered other than 401", forgeries.sent() - forgeries.refused(), 0),
                new Verdict.Check("terminals moved by a forged webhook", storeOf(forgeries.target()).equals(Forgeries.STORE) ? 1 : 0, 0),
                new Verdict.Check("genuine signed webhooks applied (the poller's applied counter)",
                        (long) Http.sum(metrics, "fleetdiag_poller_management_webhooks_total", "outcome=\"applied\""), 1),
                new Verdict.Check("terminals moved by the genuine webhook, in the processor's state",
                        storeOf(benign.get(benign.size() - 1)).equals(MOVED_STORE) ? 1 : 0, 1));
    }

    @Override
    public void count(Map<String, Object> counts) {
        counts.put("flood: terminals notifying", outOfOrder.size() + benign.size());
        counts.put("flood: notifications answered [accepted], resends included", notifier.delivered());
        counts.put("flood: notifications refused or given up", notifier.failed());
        counts.put("flood: OUT_OF_ORDER episodes of the OutOfOrder terminals", episodes(outOfOrder, AlertType.OUT_OF_ORDER));
        counts.put("forged Management webhooks sent", forgeries.sent());
    }

    @Override
    public void close() {
        sending.shutdownNow();
    }

    /**
     * Alerts of the event rules the flood could have caused beyond what its notifications say: a second OUT_OF_ORDER episode of an
     * OutOfOrder terminal, and any event rule's alert of a NetworkConnected one or a TERMINAL_SHUTDOWN or TAMPER_DETECTED of either.
     */
    private long falseAlerts() {
        long extraOutOfOrder = outOfOrder.stream().mapToLong(terminal -> Math.max(0, episodes(List.of(terminal), AlertType.OUT_OF_ORDER) - 1)).sum();
        long others = EVENT_ALERTS.stream().filter(type -> type != AlertType.OUT_OF_ORDER).mapToLong(type -> episodes(outOfOrder, type)).sum();
        long ofBenign = EVENT_ALERTS.stream().mapToLong(type -> episodes(benign, type)).sum();
        return extraOutOfOrder + others + ofBenign;
    }

    private long episodes(List<Terminal> terminals, AlertType type) {
        Set<String> poiids = terminals.stream().map(Terminal::poiid).collect(Collectors.toSet());
        return ledger.edges(type).stream().filter(alert -> alert.getStatus() == AlertStatus.RAISED && poiids.contains(alert.getPoiid()))
                .map(TerminalAlert::getAlertId).distinct().count();
    }

    /** The terminal's store in the processor's state; empty when it cannot be read. */
    private String storeOf(Terminal terminal) {
        try {
            JsonNode state = Http.getJsonOrNull(services.processor().url("/api/terminals/" + terminal.poiid()), services.processor().bearer());
            return state == null ? "" : state.path("store").asText("");
        } catch (Exception unreadable) {
            return "";
        }
    }
}
