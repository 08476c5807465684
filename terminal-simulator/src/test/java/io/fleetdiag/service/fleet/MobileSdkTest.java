package io.fleetdiag.service.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.simulator.fleet.Fleet;
import io.fleetdiag.simulator.fleet.Terminal;
import io.fleetdiag.simulator.life.LifeRates;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MobileSdkTest {

    @Test
    void terminalPoiidsAreNotInstallationsAndInstallationIdsAre() {
        assertThat(MobileSdk.isInstallation("V400m-346403161")).isFalse();
        assertThat(MobileSdk.isInstallation("P400Plus-275426191")).isFalse();
        assertThat(MobileSdk.isInstallation("UX300-100000001")).isFalse();
        assertThat(MobileSdk.isInstallation("AC2ABBE8-EDD8-4E2B-AF45-8770FA2347DC.924")).isTrue();
        assertThat(MobileSdk.isInstallation("SDK_INSTALLATION_ID")).isTrue();
        assertThat(MobileSdk.isInstallation(null)).isFalse();
    }

    @Test
    void installationsAlwaysGetHostDiagnosisAndTerminalsKeepWhatWasAsked() {
        assertThat(MobileSdk.hostDiagnosis("AC2ABBE8-EDD8-4E2B-AF45-8770FA2347DC.924", false)).isTrue();
        assertThat(MobileSdk.hostDiagnosis("V400m-346403161", false)).isFalse();
        assertThat(MobileSdk.hostDiagnosis("V400m-346403161", true)).isTrue();
    }

    @Test
    void theRuleAgreesWithEveryModelOfTheSimulatorsFleet() {
        Fleet fleet = Fleet.generateWithReferenceTerminals(5_000, 7, 3, LifeRates.staticFleet().sdkExpiry(), Instant.parse("2026-12-01T00:00:00Z"));
        for (Terminal terminal : fleet.terminals()) {
            assertThat(MobileSdk.isInstallation(terminal.poiid())).as(terminal.poiid()).isEqualTo(terminal.model().mobile());
        }
    }
}
