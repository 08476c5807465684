package io.fleetdiag.processor.stores;

import io.fleetdiag.processor.codec.CodecFixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a terminal contributes to its retail store's health is read in every version it was written in. */
class StoreContributionFormatTest {

    @Test
    void storeContributions() {
        CodecFixtures.assertEveryVersionReads(StoreContribution.SERDE, "StoreContribution", new StoreContribution(
                "ACME/EU-0001", "ACME", "EU-0001", "V400m-1", true, true, false, List.of("BATTERY_LOW", "TAMPER"),
                Instant.ofEpochMilli(1_764_000_000_000L)));
    }
}
