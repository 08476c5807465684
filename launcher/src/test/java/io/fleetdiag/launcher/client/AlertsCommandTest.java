package io.fleetdiag.launcher.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalAlert;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertsCommandTest {

    private static TerminalAlert edge(AlertStatus status, Severity severity, Map<String, String> evidence) {
        return TerminalAlert.newBuilder().setAlertId("a").setStatus(status).setType(AlertType.PRINTER_FAULT).setSeverity(severity)
                .setPoiid("V400m-1").setSummary("Printer of V400m-1: NoPaper").setEvidence(evidence)
                .setRemediation("Insert a roll so the paper sticks out.").setRaisedAt(Instant.EPOCH).setEventTime(Instant.EPOCH).build();
    }

    @Test
    void anUpdatedEdgeShowsTheSeverityStep() {
        String line = AlertsCommand.line(edge(AlertStatus.UPDATED, Severity.WARNING, Map.of("printerStatus", "NoPaper", "previousSeverity", "INFO")));

        assertThat(line).contains("UPDATED").contains("PRINTER_FAULT").contains("WARNING (was INFO)").contains("Insert a roll");
    }

    @Test
    void raisedAndResolvedEdgesShowTheirSeverity() {
        assertThat(AlertsCommand.severity(edge(AlertStatus.RAISED, Severity.INFO, Map.of("printerStatus", "PaperLow")))).isEqualTo("INFO");
        assertThat(AlertsCommand.severity(edge(AlertStatus.RESOLVED, Severity.WARNING, Map.of("previousSeverity", "INFO")))).isEqualTo("WARNING");
    }
}
