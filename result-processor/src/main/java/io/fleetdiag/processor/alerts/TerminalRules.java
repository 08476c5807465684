package io.fleetdiag.processor.alerts;

import io.fleetdiag.processor.ProcessorSettings;
import io.fleetdiag.processor.alerts.rules.AsyncCaptureFailedRule;
import io.fleetdiag.processor.alerts.rules.AttestationProblemRule;
import io.fleetdiag.processor.alerts.rules.BatteryLowRule;
import io.fleetdiag.processor.alerts.rules.CommunicationFaultRule;
import io.fleetdiag.processor.alerts.rules.DiagnosisFailingRule;
import io.fleetdiag.processor.alerts.rules.FirmwareBehindRule;
import io.fleetdiag.processor.alerts.rules.GlobalStatusRule;
import io.fleetdiag.processor.alerts.rules.HostUnreachableRule;
import io.fleetdiag.processor.alerts.rules.IdleRule;
import io.fleetdiag.processor.alerts.rules.MobileSdkExpiringRule;
import io.fleetdiag.processor.alerts.rules.NeverConnectedRule;
import io.fleetdiag.processor.alerts.rules.OfflineForwardFailedRule;
import io.fleetdiag.processor.alerts.rules.OfflinePaymentsExpiringRule;
import io.fleetdiag.processor.alerts.rules.OutOfOrderRule;
import io.fleetdiag.processor.alerts.rules.PrinterFaultRule;
import io.fleetdiag.processor.alerts.rules.ReassignmentStuckRule;
import io.fleetdiag.processor.alerts.rules.StaleDiagnosisRule;
import io.fleetdiag.processor.alerts.rules.TamperRule;
import io.fleetdiag.processor.alerts.rules.TerminalOfflineRule;
import io.fleetdiag.processor.alerts.rules.TerminalShutdownRule;
import io.fleetdiag.processor.alerts.rules.UnconfirmedBatchRule;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.TerminalState;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every per-terminal alert rule of docs/alerts.md, with the configured thresholds. */
public final class TerminalRules {

    private final List<Rule> rules;

    public TerminalRules(ProcessorSettings settings) {
        this.rules = List.of(
                new TerminalOfflineRule(settings.rebootWindow(), settings.maintenance()),
                new TamperRule(),
                new BatteryLowRule(settings.battery().raise(), settings.battery().resolve()),
                new PrinterFaultRule(),
                new CommunicationFaultRule(),
                new GlobalStatusRule(),
                new UnconfirmedBatchRule(settings.diagnosis().unconfirmedCriticalAt()),
                new HostUnreachableRule(),
                new DiagnosisFailingRule(settings.diagnosis().failingAfter(), settings.maintenance()),
                new StaleDiagnosisRule(settings.diagnosis().staleAfter(), settings.maintenance()),
                new MobileSdkExpiringRule(settings.sdkExpiry().raise(), settings.sdkExpiry().resolve()),
                new AttestationProblemRule(),
                new OfflinePaymentsExpiringRule(settings.offlinePaymentsExpiry().raise(), settings.offlinePaymentsExpiry().resolve()),
                new OfflineForwardFailedRule(),
                new AsyncCaptureFailedRule(),
                new NeverConnectedRule(settings.inventory().neverConnectedAfter()),
                new IdleRule(settings.inventory().idleAfter()),
                new OutOfOrderRule(),
                new TerminalShutdownRule(),
                new FirmwareBehindRule(settings.inventory().firmwareBehindAfter()),
                new ReassignmentStuckRule(settings.inventory().reassignmentStuckAfter()));
    }

    /** The conditions that hold for this state at {@code now}, given the alerts already raised. */
    public Map<AlertType, AlertCondition> evaluate(TerminalState state, Set<AlertType> active, Instant now) {
        Map<AlertType, AlertCondition> holding = new EnumMap<>(AlertType.class);
        for (Rule rule : rules) {
            rule.evaluate(state, active.contains(rule.type()), now).ifPresent(condition -> holding.put(rule.type(), condition));
        }
        return holding;
    }

    public Map<String, String> evidence(AlertType type, TerminalState state, Instant now) {
        return rules.stream().filter(rule -> rule.type() == type).findFirst().map(rule -> rule.evidence(state, now)).orElse(Map.of());
    }

    /** The earliest moment a wall-clock rule could change its mind about this state. */
    public Optional<Instant> nextWallClockCheck(TerminalState state, Set<AlertType> active) {
        return rules.stream()
                .map(rule -> rule.nextWallClockCheck(state, active.contains(rule.type())))
                .flatMap(Optional::stream)
                .min(Instant::compareTo);
    }
}
