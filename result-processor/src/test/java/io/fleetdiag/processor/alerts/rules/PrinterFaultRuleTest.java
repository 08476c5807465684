package io.fleetdiag.processor.alerts.rules;

import static io.fleetdiag.processor.alerts.rules.RuleStates.holding;
import static io.fleetdiag.processor.alerts.rules.RuleStates.raising;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.schemas.PrinterStatus;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalState;
import org.junit.jupiter.api.Test;

class PrinterFaultRuleTest {

    private final PrinterFaultRule rule = new PrinterFaultRule();

    private static TerminalState printer(PrinterStatus status, String value) {
        return RuleStates.poiStatus(poi -> poi.setPrinterStatus(status).setPrinterStatusValue(value));
    }

    @Test
    void noPaperSaysHowToInsertTheRoll() {
        assertThat(raising(rule, printer(PrinterStatus.NO_PAPER, "NoPaper"))).hasValueSatisfying(condition -> {
            assertThat(condition.severity()).isEqualTo(Severity.WARNING);
            assertThat(condition.summary()).endsWith(": NoPaper");
            assertThat(condition.remediation()).contains("paper sticks out");
            assertThat(condition.evidence()).containsEntry("printerStatus", "NoPaper");
        });
    }

    @Test
    void paperLowIsOnlyInformationAndAJamOrOtherFaultAWarning() {
        assertThat(raising(rule, printer(PrinterStatus.PAPER_LOW, "PaperLow"))).hasValueSatisfying(c -> assertThat(c.severity()).isEqualTo(Severity.INFO));
        assertThat(raising(rule, printer(PrinterStatus.PAPER_JAM, "PaperJam"))).hasValueSatisfying(c -> {
            assertThat(c.severity()).isEqualTo(Severity.WARNING);
            assertThat(c.remediation()).contains("clear it");
        });
        assertThat(raising(rule, printer(PrinterStatus.OUT_OF_ORDER, "OutOfOrder"))).hasValueSatisfying(c ->
                assertThat(c.remediation()).contains("reports OutOfOrder", "hardware tests"));
    }

    @Test
    void resolvesWhenThePrinterIsOkAgainOrReportsNothing() {
        assertThat(holding(rule, printer(PrinterStatus.OK, "OK"))).isEmpty();
        assertThat(holding(rule, printer(null, null))).isEmpty();
        assertThat(holding(rule, RuleStates.bareSuccess())).isEmpty();
        assertThat(holding(rule, RuleStates.unknown().build())).isEmpty();
    }
}
