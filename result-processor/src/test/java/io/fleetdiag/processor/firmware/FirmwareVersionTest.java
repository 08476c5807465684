package io.fleetdiag.processor.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Adyen's firmware strings compare by the numbers after the last space. */
class FirmwareVersionTest {

    @Test
    void comparesTheDottedPartsNumerically() {
        assertThat(FirmwareVersion.behind("Castles_Android 1.95.5", "Castles_Android 1.98.3")).isTrue();
        assertThat(FirmwareVersion.behind("V400m 1.99.9", "V400m 1.100.0")).isTrue();
        assertThat(FirmwareVersion.behind("V400m 1.100.0", "V400m 1.99.9")).isFalse();
        assertThat(FirmwareVersion.behind("V400m 1.98", "V400m 1.98.0")).as("a missing part is 0").isFalse();
        assertThat(FirmwareVersion.behind("V400m 1.98.3", "V400m 1.98.3")).isFalse();
    }

    @Test
    void aStringWithoutNumbersIsNeverBehind() {
        assertThat(FirmwareVersion.behind("adyen_v1_69p4", "V400m 1.98.3")).isFalse();
        assertThat(FirmwareVersion.behind("V400m 1.95.5", "unknown")).isFalse();
        assertThat(FirmwareVersion.behind(null, "V400m 1.98.3")).isFalse();
    }

    @Test
    void theMostCommonVersionWinsAndATieGoesToTheNewerRelease() {
        assertThat(FirmwareVersion.mostCommon(Map.of("V400m 1.95.5", 3, "V400m 1.98.3", 1))).contains("V400m 1.95.5");
        assertThat(FirmwareVersion.mostCommon(Map.of("V400m 1.95.5", 2, "V400m 1.100.3", 2))).contains("V400m 1.100.3");
        assertThat(FirmwareVersion.mostCommon(Map.of())).isEmpty();
    }
}
