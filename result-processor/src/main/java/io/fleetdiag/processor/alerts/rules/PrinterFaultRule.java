package io.fleetdiag.processor.alerts.rules;

import io.fleetdiag.processor.alerts.AlertCondition;
import io.fleetdiag.processor.alerts.Evidence;
import io.fleetdiag.processor.alerts.Rule;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.PoiStatus;
import io.fleetdiag.schemas.PrinterStatus;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalState;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** PRINTER_FAULT: the built-in printer reports anything but OK; NoPaper means the roll is missing or not sticking out. */
public final class PrinterFaultRule implements Rule {

    @Override
    public AlertType type() {
        return AlertType.PRINTER_FAULT;
    }

    @Override
    public Optional<AlertCondition> evaluate(TerminalState state, boolean active, Instant now) {
        PoiStatus status = Evidence.poiStatus(state);
        if (status == null || status.getPrinterStatus() == null || status.getPrinterStatus() == PrinterStatus.OK) {
            return Optional.empty();
        }
        String value = status.getPrinterStatusValue();
        String remediation = switch (status.getPrinterStatus()) {
            case NO_PAPER -> "The receipt paper roll is missing or the paper is not sticking out: insert a roll so the paper sticks out.";
            case PAPER_LOW -> "The receipt roll is running out: have a new roll ready.";
            case PAPER_JAM -> "Paper is jammed: open the printer cover and clear it.";
            default -> "The printer reports " + value + ": run the hardware tests on the terminal (Settings > Diagnostics).";
        };
        Severity severity = status.getPrinterStatus() == PrinterStatus.PAPER_LOW ? Severity.INFO : Severity.WARNING;
        return Optional.of(new AlertCondition(type(), severity, "Printer of " + state.getPoiid() + ": " + value, evidence(state, now),
                remediation));
    }

    @Override
    public Map<String, String> evidence(TerminalState state, Instant now) {
        PoiStatus status = Evidence.poiStatus(state);
        return Evidence.of("printerStatus", status == null ? null : status.getPrinterStatusValue());
    }
}
