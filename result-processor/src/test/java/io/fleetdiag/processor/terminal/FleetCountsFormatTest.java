package io.fleetdiag.processor.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.processor.codec.CodecFixtures;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The per-task fleet counts are read in every version they were written in. */
class FleetCountsFormatTest {

    /** The counts keep their maps sorted (TreeMap), which makes the written bytes deterministic. */
    @Test
    void fleetCounts() {
        CodecFixtures.assertEveryVersionReads(FleetCounts.SERDE, "FleetCounts", new FleetCounts(10, 8, 2, 0, 3,
                new TreeMap<>(Map.of("BATTERY_LOW", 2L, "TAMPER", 1L)), new TreeMap<>(Map.of("SUCCESS", 9L, "TIMEOUT", 1L))));
    }

    @Test
    void theNeverSeenCountSurvivesARoundTrip() {
        FleetCounts counts = new FleetCounts(7, 2, 1, 4, 4, new TreeMap<>(Map.of("NEVER_CONNECTED", 4L)), new TreeMap<>());

        assertThat(FleetCounts.SERDE.deserializer().deserialize("changelog", FleetCounts.SERDE.serializer().serialize("changelog", counts)))
                .isEqualTo(counts);
    }
}
