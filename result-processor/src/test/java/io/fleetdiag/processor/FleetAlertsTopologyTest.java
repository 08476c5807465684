package io.fleetdiag.processor;

import static io.fleetdiag.processor.ProcessorDriver.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.processor.fleet.FleetAlerts;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalAlert;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** A fleet-level alert another service raises is kept and counted apart from every terminal, until it resolves. */
class FleetAlertsTopologyTest {

    private static final String POIID = "V400m-346403161";

    @AutoClose
    private final ProcessorDriver driver = new ProcessorDriver();

    private static TerminalAlert backlog(AlertStatus status, Instant raisedAt, Instant at) {
        return TerminalAlert.newBuilder()
                .setAlertId("backlog-1").setStatus(status).setType(AlertType.DIAGNOSIS_BACKLOG).setSeverity(Severity.WARNING)
                .setSummary("fleetdiag is behind").setEvidence(Map.of("backlog", "900")).setRemediation("add dispatchers")
                .setRaisedAt(raisedAt).setResolvedAt(status == AlertStatus.RESOLVED ? at : null).setEventTime(at)
                .build();
    }

    @Test
    void aBacklogAlertIsActiveUntilResolvedAndMakesNoTerminal() {
        driver.snapshot(Fixtures.snapshot(Fixtures.MERCHANT, null, at(0), 1, List.of(POIID)));
        driver.alertFromAnotherService(FleetAlerts.KEY, backlog(AlertStatus.RAISED, at(1), at(1)));

        assertThat(driver.fleetAlerts()).containsOnlyKeys("backlog-1");
        assertThat(driver.state(FleetAlerts.KEY)).isNull();
        assertThat(driver.fleetCounts().terminals()).isEqualTo(1);
        assertThat(driver.history(FleetAlerts.KEY)).singleElement().satisfies(episode -> assertThat(episode.active()).isTrue());

        driver.alertFromAnotherService(FleetAlerts.KEY, backlog(AlertStatus.RESOLVED, at(1), at(9)));
        assertThat(driver.fleetAlerts()).isEmpty();
        assertThat(driver.resolvedAlert("backlog-1")).isNotNull();
    }

    @Test
    void aTerminalsAlertIsNotAFleetAlert() {
        driver.result(Fixtures.success(POIID, at(1), p -> p.battery = 10));

        assertThat(driver.alerts(AlertType.BATTERY_LOW, AlertStatus.RAISED)).hasSize(1);
        assertThat(driver.fleetAlerts()).isEmpty();
    }
}
