package io.fleetdiag.processor;

import static io.fleetdiag.processor.Fixtures.MERCHANT;
import static io.fleetdiag.processor.ProcessorDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.ConnectivitySnapshot;
import io.fleetdiag.schemas.Presence;
import io.fleetdiag.schemas.TerminalState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The poller's second opinion on the real topology: a terminal the list leaves out but its status reports ONLINE
 * ({@code onlineByStatus}) is present, never TERMINAL_OFFLINE, and its state counts each disagreement; one really gone
 * still goes offline; a snapshot written before the field existed reads as having none.
 */
class StatusSecondOpinionTopologyTest {

    private static final String KEPT = "V400m-346403161";
    private static final String GONE = "P400Plus-275008565";
    private static final String OTHER = "MX925-260390740";
    @AutoClose
    private final ProcessorDriver driver = new ProcessorDriver();

    private static Instant minute(int minute) {
        return T0.plus(Duration.ofMinutes(minute));
    }

    private void poll(int minute, List<String> listed, List<String> onlineByStatus) {
        List<ConnectivitySnapshot> chunks = Fixtures.snapshot(MERCHANT, null, minute(minute), 2, listed);
        chunks.get(0).setOnlineByStatus(onlineByStatus);
        driver.snapshot(chunks);
    }

    @Test
    void aTerminalTheListDropsButItsStatusReportsOnlineIsNeverOfflineAndEachDisagreementIsCounted() {
        poll(0, List.of(KEPT, GONE, OTHER), List.of());
        for (int minute = 1; minute <= 4; minute++) {
            poll(minute, List.of(OTHER), List.of(KEPT));
        }

        assertThat(driver.alerts(AlertType.TERMINAL_OFFLINE, AlertStatus.RAISED)).extracting(alert -> alert.getPoiid())
                .containsExactly(GONE);
        TerminalState kept = driver.state(KEPT);
        assertThat(kept.getPresence()).isEqualTo(Presence.ONLINE);
        assertThat(kept.getMissedSnapshots()).isZero();
        assertThat(kept.getStatusDisagreements()).isEqualTo(4);
        assertThat(kept.getLastStatusDisagreementAt()).isEqualTo(minute(4));
        assertThat(kept.getLastSeenAt()).isEqualTo(minute(4));
        assertThat(driver.state(OTHER).getStatusDisagreements()).isZero();
    }

    @Test
    void oneMissThenTheStatusSaysOnlineResetsTheCountAndLaterTheOfflineAlertCarriesTheDisagreements() {
        poll(0, List.of(KEPT, OTHER), List.of());
        poll(1, List.of(OTHER), List.of());
        poll(2, List.of(OTHER), List.of(KEPT));
        poll(3, List.of(OTHER), List.of());
        assertThat(driver.alerts(AlertType.TERMINAL_OFFLINE, AlertStatus.RAISED)).as("one miss after the status said ONLINE").isEmpty();

        poll(4, List.of(OTHER), List.of());

        assertThat(driver.alerts(AlertType.TERMINAL_OFFLINE, AlertStatus.RAISED)).singleElement().satisfies(alert -> {
            assertThat(alert.getPoiid()).isEqualTo(KEPT);
            assertThat(alert.getEvidence()).containsEntry("missedSnapshots", "2").containsEntry("statusDisagreements", "1")
                    .containsEntry("lastStatusDisagreementAt", minute(2).toString());
        });
    }

    @Test
    void anOfflineTerminalReportedOnlineByItsStatusComesBack() {
        poll(0, List.of(KEPT, OTHER), List.of());
        poll(1, List.of(OTHER), List.of());
        poll(2, List.of(OTHER), List.of());
        assertThat(driver.state(KEPT).getPresence()).isEqualTo(Presence.OFFLINE);

        poll(3, List.of(OTHER), List.of(KEPT));

        assertThat(driver.state(KEPT).getPresence()).isEqualTo(Presence.ONLINE);
        assertThat(driver.alerts(AlertType.TERMINAL_OFFLINE, AlertStatus.RESOLVED)).extracting(alert -> alert.getPoiid())
                .containsExactly(KEPT);
    }

    @Test
    void aSnapshotWithoutTheFieldHasNobodyOnlineByStatus() {
        List<String> fleet = IntStream.range(0, 3).mapToObj(i -> "MX925-" + (100_000_000 + i)).toList();
        driver.snapshot(Fixtures.snapshot(MERCHANT, null, minute(0), 1, fleet));

        assertThat(Fixtures.snapshot(MERCHANT, null, minute(0), 1, fleet).get(0).getOnlineByStatus()).isEmpty();
        assertThat(driver.state(fleet.get(0)).getStatusDisagreements()).isZero();
    }
}
