package io.fleetdiag.processor;

import static io.fleetdiag.processor.ProcessorDriver.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.TerminalAlert;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Alert ids: an episode raised at the same moment as the one before it is another episode, with an id of its own. */
class AlertIdTopologyTest {

    private static final String POIID = "V400m-346403161";

    @AutoClose
    private final ProcessorDriver driver = new ProcessorDriver();

    @Test
    void twoEpisodesRaisedAtTheSameMomentHaveTheirOwnIdsAndEachIsResolvedUnderItsOwn() {
        // three checks completed at the same millisecond: the paper runs low, is refilled, runs low again
        driver.result(Fixtures.success(POIID, at(0), Fixtures.Parts::paperLow));
        String firstId = driver.state(POIID).getActiveAlerts().get(0).getAlertId();
        driver.result(Fixtures.success(POIID, at(0), p -> { }));
        driver.result(Fixtures.success(POIID, at(0), Fixtures.Parts::paperLow));
        String secondId = driver.state(POIID).getActiveAlerts().get(0).getAlertId();
        driver.result(Fixtures.success(POIID, at(15), p -> { }));

        List<TerminalAlert> edges = driver.alerts().stream().filter(alert -> alert.getType() == AlertType.PRINTER_FAULT).toList();
        assertThat(edges).extracting(alert -> alert.getStatus() + " " + alert.getAlertId()).containsExactly(
                "RAISED " + firstId, "RESOLVED " + firstId, "RAISED " + secondId, "RESOLVED " + secondId);
        assertThat(secondId).isNotEqualTo(firstId);
        assertThat(edges).allSatisfy(alert -> assertThat(alert.getRaisedAt()).isEqualTo(at(0)));
        assertThat(driver.resolvedAlert(firstId).getStatus()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(driver.resolvedAlert(secondId).getStatus()).isEqualTo(AlertStatus.RESOLVED);
    }
}
