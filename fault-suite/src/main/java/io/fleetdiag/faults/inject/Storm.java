package io.fleetdiag.faults.inject;

import io.fleetdiag.faults.ledger.Ledger;
import io.fleetdiag.faults.report.Verdict;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.simulator.TerminalSimulator;
import io.fleetdiag.simulator.fleet.Terminal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An empty-answer storm: the simulator answers /connectedTerminals of one merchant account with an empty
 * list for a while, as Adyen does when WebSockets are disabled (docs/alerts.md: CONNECTIVITY_SOURCE_LOST).
 * The processor must raise one scope-level CONNECTIVITY_SOURCE_LOST, resolve it when the answers are back,
 * and raise no TERMINAL_OFFLINE for the scope's terminals because of it.
 */
public final class Storm implements Fault {

    private static final Duration LENGTH = Duration.ofSeconds(30);

    private final TerminalSimulator simulator;
    private final Ledger ledger;
    private final String merchantAccount;
    private final Set<String> scopeTerminals;
    private final Set<String> takenOffline;
    private final Duration startAt;
    private volatile Instant startedAt;

    /**
     * A storm of 30 s on the first merchant account, at 65 % of the chaos: after the last condition was set
     * and seen, so the storm holds no offline alert the suite expects.
     *
     * @param takenOffline terminals the suite takes offline itself, whose TERMINAL_OFFLINE is no false alert
     */
    public Storm(TerminalSimulator simulator, Ledger ledger, Set<String> takenOffline, Duration chaos) {
        this.simulator = simulator;
        this.ledger = ledger;
        this.merchantAccount = simulator.fleet().merchantAccounts().stream().sorted().findFirst().orElseThrow();
        this.scopeTerminals = simulator.fleet().ofMerchant(merchantAccount).stream().map(Terminal::poiid).collect(Collectors.toSet());
        this.takenOffline = Set.copyOf(takenOffline);
        this.startAt = Duration.ofMillis(chaos.toMillis() * 65 / 100);
    }

    public String merchantAccount() {
        return merchantAccount;
    }

    private Duration endAt() {
        return startAt.plus(LENGTH);
    }

    @Override
    public List<Step> steps() {
        return List.of(Step.onTimeline(startAt, "empty /connectedTerminals answers for " + merchantAccount, () -> {
                    startedAt = Instant.now();
                    simulator.cloud().websocketsDisabled(merchantAccount, true);
                }),
                Step.onTimeline(endAt(), "the answers of " + merchantAccount + " are back",
                        () -> simulator.cloud().websocketsDisabled(merchantAccount, false)));
    }

    @Override
    public boolean settled() {
        return sourceLostUnresolved() == 0;
    }

    @Override
    public List<Verdict.Check> checks() {
        return List.of(new Verdict.Check("false offline alerts (TERMINAL_OFFLINE whose only absence was the storm)", falseOfflineAlerts(), 0),
                new Verdict.Check("CONNECTIVITY_SOURCE_LOST episodes of the storm's scope", sourceLostEpisodes(), 1),
                new Verdict.Check("of them not RESOLVED", sourceLostUnresolved(), 0));
    }

    @Override
    public void count(Map<String, Object> counts) {
        counts.put("storm: terminals of " + merchantAccount, scopeTerminals.size());
        counts.put("CONNECTIVITY_SOURCE_LOST episodes in all", ledger.edges(AlertType.CONNECTIVITY_SOURCE_LOST).stream()
                .map(TerminalAlert::getAlertId).distinct().count());
    }

    /**
     * TERMINAL_OFFLINE raised since the storm began for terminals of its scope whose only absence was the
     * storm: every terminal of the scope but those the suite took offline itself.
     */
    private long falseOfflineAlerts() {
        if (startedAt == null) {
            return 0;
        }
        return ledger.edges(AlertType.TERMINAL_OFFLINE).stream()
                .filter(alert -> alert.getStatus() == AlertStatus.RAISED && !alert.getRaisedAt().isBefore(startedAt.minusSeconds(1)))
                .map(TerminalAlert::getPoiid)
                .filter(poiid -> scopeTerminals.contains(poiid) && !takenOffline.contains(poiid))
                .distinct().count();
    }

    /** CONNECTIVITY_SOURCE_LOST episodes of the storm's scope (must be exactly one). */
    private long sourceLostEpisodes() {
        return sourceLost().stream().map(TerminalAlert::getAlertId).distinct().count();
    }

    /** Of them, those whose last edge is not RESOLVED. */
    private long sourceLostUnresolved() {
        List<TerminalAlert> edges = sourceLost();
        return edges.stream().collect(Collectors.groupingBy(TerminalAlert::getAlertId)).values().stream()
                .filter(episode -> episode.get(episode.size() - 1).getStatus() != AlertStatus.RESOLVED).count();
    }

    private List<TerminalAlert> sourceLost() {
        return ledger.edges(AlertType.CONNECTIVITY_SOURCE_LOST).stream()
                .filter(alert -> alert.getPoiid() == null && merchantAccount.equals(alert.getMerchantAccount())).toList();
    }
}
