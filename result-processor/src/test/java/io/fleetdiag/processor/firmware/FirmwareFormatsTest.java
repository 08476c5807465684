package io.fleetdiag.processor.firmware;

import io.fleetdiag.processor.codec.CodecFixtures;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The firmware stage's records (its tables and repartition topics) are read in every version they were written in. */
class FirmwareFormatsTest {

    private static final Instant AT = Instant.ofEpochMilli(1_764_000_000_000L);

    @Test
    void members() {
        CodecFixtures.assertEveryVersionReads(FirmwareMember.SERDE, "FirmwareMember",
                new FirmwareMember("ACME/V400m", "V400m-1", "V400m 1.98.3", true, AT));
    }

    @Test
    void verdicts() {
        CodecFixtures.assertEveryVersionReads(FirmwareVerdict.SERDE, "FirmwareVerdict",
                new FirmwareVerdict("V400m-1", "V400m 1.95.5", "V400m 1.98.3", AT));
    }

    @Test
    void counts() {
        CodecFixtures.assertEveryVersionReads(FirmwareCounts.SERDE, "FirmwareCounts",
                new FirmwareCounts(Map.of("V400m 1.95.5", 1, "V400m 1.98.3", 3)));
    }
}
