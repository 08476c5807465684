package io.fleetdiag.processor;

import static io.fleetdiag.processor.ProcessorDriver.T0;
import static io.fleetdiag.processor.ProcessorDriver.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.processor.alerts.AlertEpisodes;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.schemas.TerminalState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Severity within an episode (docs/alerts-escalation.md): one RAISED, an UPDATED per change of severity, one RESOLVED. */
class EpisodeEscalationTest {

    private static final String POIID = "V400m-346403161";
    private static final String MOBILE = "AC2ABBE8-EDD8-4E2B-AF45-8770FA2347DC.924";

    @AutoClose
    private final ProcessorDriver driver = new ProcessorDriver();

    private List<TerminalAlert> episode(AlertType type) {
        return driver.alerts().stream().filter(alert -> alert.getType() == type).toList();
    }

    @Test
    void paperLowBecomingNoPaperUpdatesTheEpisodeToWarningAndARefillResolvesIt() {
        driver.result(Fixtures.success(POIID, at(0), Fixtures.Parts::paperLow));
        driver.result(Fixtures.success(POIID, at(15), Fixtures.Parts::paperLow));
        driver.result(Fixtures.success(POIID, at(30), Fixtures.Parts::noPaper));
        driver.result(Fixtures.success(POIID, at(45), Fixtures.Parts::noPaper));
        driver.result(Fixtures.success(POIID, at(60), p -> { }));

        List<TerminalAlert> edges = episode(AlertType.PRINTER_FAULT);
        assertThat(edges).extracting(TerminalAlert::getStatus)
                .containsExactly(AlertStatus.RAISED, AlertStatus.UPDATED, AlertStatus.RESOLVED);
        assertThat(edges).extracting(TerminalAlert::getAlertId).containsOnly(edges.get(0).getAlertId());
        assertThat(edges.get(0).getSeverity()).isEqualTo(Severity.INFO);
        TerminalAlert updated = edges.get(1);
        assertThat(updated.getSeverity()).isEqualTo(Severity.WARNING);
        assertThat(updated.getEvidence()).containsEntry("printerStatus", "NoPaper")
                .containsEntry(AlertEpisodes.PREVIOUS_SEVERITY, "INFO");
        assertThat(updated.getRaisedAt()).isEqualTo(at(0));
        assertThat(updated.getEventTime()).isEqualTo(at(30));
        assertThat(updated.getRemediation()).contains("insert a roll");
        assertThat(edges.get(2).getSeverity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void theTerminalsActiveAlertCarriesTheNewSeveritySoTheStoreCountsItUnhealthy() {
        driver.snapshot(Fixtures.snapshot(Fixtures.MERCHANT, null, at(0), 1, List.of(POIID)));
        driver.result(Fixtures.success(POIID, at(0), Fixtures.Parts::paperLow));
        assertThat(driver.state(POIID).getActiveAlerts()).singleElement()
                .satisfies(alert -> assertThat(alert.getSeverity()).isEqualTo(Severity.INFO));
        assertThat(driver.storeHealth()).last().satisfies(health -> assertThat(health.getTerminalsHealthy()).isEqualTo(1));

        driver.result(Fixtures.success(POIID, at(15), Fixtures.Parts::noPaper));

        TerminalState state = driver.state(POIID);
        assertThat(state.getActiveAlerts()).singleElement().satisfies(alert -> {
            assertThat(alert.getSeverity()).isEqualTo(Severity.WARNING);
            assertThat(alert.getSummary()).contains("NoPaper");
        });
        assertThat(driver.storeHealth()).last().satisfies(health -> assertThat(health.getTerminalsHealthy()).isZero());
    }

    @Test
    void aGrowingUnconfirmedBatchTurnsCriticalAtTheSettingAndADrainingOneStepsBackDown() {
        driver.result(Fixtures.success(POIID, at(0), p -> p.unconfirmed = 2));
        driver.result(Fixtures.success(POIID, at(15), p -> p.unconfirmed = 6));
        driver.result(Fixtures.success(POIID, at(30), p -> p.unconfirmed = 10));
        driver.result(Fixtures.success(POIID, at(45), p -> p.unconfirmed = 14));
        driver.result(Fixtures.success(POIID, at(60), p -> p.unconfirmed = 3));
        driver.result(Fixtures.success(POIID, at(75), p -> p.unconfirmed = 0));

        List<TerminalAlert> edges = episode(AlertType.UNCONFIRMED_BATCH);
        assertThat(edges).extracting(TerminalAlert::getStatus)
                .containsExactly(AlertStatus.RAISED, AlertStatus.UPDATED, AlertStatus.UPDATED, AlertStatus.RESOLVED);
        assertThat(edges).extracting(TerminalAlert::getSeverity)
                .containsExactly(Severity.WARNING, Severity.CRITICAL, Severity.WARNING, Severity.WARNING);
        assertThat(edges.get(1).getEvidence()).containsEntry("unconfirmedBatchCount", "10");
        assertThat(edges.get(1).getEventTime()).isEqualTo(at(30));
        assertThat(edges.get(2).getEvidence()).containsEntry("unconfirmedBatchCount", "3")
                .containsEntry(AlertEpisodes.PREVIOUS_SEVERITY, "CRITICAL");
        assertThat(edges).extracting(TerminalAlert::getAlertId).containsOnly(edges.get(0).getAlertId());
    }

    @Test
    void theCriticalStepOfTheUnconfirmedBatchIsASetting() {
        try (ProcessorDriver strict = new ProcessorDriver(ProcessorDriver.settings(Map.of("processor.unconfirmed-critical-at", "3")))) {
            strict.result(Fixtures.success(POIID, at(0), p -> p.unconfirmed = 3));

            assertThat(strict.alerts(AlertType.UNCONFIRMED_BATCH, AlertStatus.RAISED)).singleElement()
                    .satisfies(alert -> assertThat(alert.getSeverity()).isEqualTo(Severity.CRITICAL));
        }
    }

    @Test
    void anExpiringMobileSdkTurnsCriticalOnTheWallClockAtItsExpiryOnce() {
        Instant expiry = T0.plus(Duration.ofDays(10));
        driver.result(Fixtures.success(MOBILE, T0, p -> {
            p.battery = null;
            p.sdkExpiry = expiry;
        }));
        assertThat(episode(AlertType.MOBILE_SDK_EXPIRING)).singleElement()
                .satisfies(alert -> assertThat(alert.getSeverity()).isEqualTo(Severity.WARNING));

        driver.advanceWallClock(Duration.ofDays(9));
        assertThat(episode(AlertType.MOBILE_SDK_EXPIRING)).hasSize(1);

        driver.advanceWallClock(Duration.ofDays(1).plusMinutes(1));
        List<TerminalAlert> edges = episode(AlertType.MOBILE_SDK_EXPIRING);
        assertThat(edges).extracting(TerminalAlert::getStatus).containsExactly(AlertStatus.RAISED, AlertStatus.UPDATED);
        assertThat(edges.get(1).getSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(edges.get(1).getSummary()).contains("expired at");
        assertThat(edges.get(1).getAlertId()).isEqualTo(edges.get(0).getAlertId());
        assertThat(edges.get(1).getEventTime()).isAfterOrEqualTo(expiry);

        driver.advanceWallClock(Duration.ofDays(2));
        assertThat(episode(AlertType.MOBILE_SDK_EXPIRING)).hasSize(2);
        assertThat(driver.state(MOBILE).getActiveAlerts()).singleElement()
                .satisfies(alert -> assertThat(alert.getSeverity()).isEqualTo(Severity.CRITICAL));
    }

    @Test
    void aConditionThatKeepsItsSeverityIsNotRepeatedEvenWhenItsValuesChange() {
        driver.result(Fixtures.success(POIID, at(0), p -> p.unconfirmed = 1));
        driver.result(Fixtures.success(POIID, at(15), p -> p.unconfirmed = 4));
        driver.result(Fixtures.success(POIID, at(30), p -> p.unconfirmed = 9));

        assertThat(episode(AlertType.UNCONFIRMED_BATCH)).singleElement()
                .satisfies(alert -> assertThat(alert.getStatus()).isEqualTo(AlertStatus.RAISED));
    }
}
