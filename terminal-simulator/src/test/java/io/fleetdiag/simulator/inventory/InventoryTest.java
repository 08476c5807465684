package io.fleetdiag.simulator.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.simulator.fleet.Fleet;
import io.fleetdiag.simulator.fleet.SdkExpiry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Management API's inventory gives fleetdiag's inventory rules something to find: old firmware, a stuck reassignment, SIM cards. */
class InventoryTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Fleet FLEET = Fleet.generate(1_000, 42, 3, new SdkExpiry.Rates(0.05), NOW);

    @Test
    void aFewTerminalsRunAnOlderReleaseThanMostOfTheirModelInTheirMerchantAccount() {
        Inventory inventory = Inventory.of(FLEET, NOW, 42);
        List<InventoryEntry> behind = inventory.matching(entry -> entry.release().equals(InventoryEntry.OLD_RELEASE));
        assertThat(behind).hasSizeBetween(2, 30);
        Map<String, Map<String, Long>> releasesByGroup = inventory.matching(entry -> entry.terminal() != null && !entry.terminal().model().mobile())
                .stream().collect(Collectors.groupingBy(entry -> entry.merchantId() + "/" + entry.model(),
                        Collectors.groupingBy(InventoryEntry::release, Collectors.counting())));
        for (InventoryEntry entry : behind) {
            Map<String, Long> releases = releasesByGroup.get(entry.merchantId() + "/" + entry.model());
            assertThat(releases.get(InventoryEntry.OLD_RELEASE)).as(entry.id()).isLessThan(releases.get(InventoryEntry.CURRENT_RELEASE));
            assertThat(entry.firmwareVersion(NOW)).as("Adyen's form: model and dotted release").matches(entry.model() + " 1\\.95\\.\\d+");
        }
        assertThat(Inventory.of(FLEET, NOW, 42).matching(entry -> entry.release().equals(InventoryEntry.OLD_RELEASE)))
                .as("the same for the same seed").extracting(InventoryEntry::id).isEqualTo(behind.stream().map(InventoryEntry::id).toList());
    }

    @Test
    void oneTerminalIsStuckInAReassignmentToAnotherMerchantAccount() {
        List<InventoryEntry> stuck = Inventory.of(FLEET, NOW, 42)
                .matching(entry -> entry.status().equals(InventoryEntry.REASSIGNMENT_IN_PROGRESS));
        assertThat(stuck).singleElement().satisfies(entry -> {
            assertThat(entry.reassignTo()).isNotNull().isNotEqualTo(entry.merchantId());
            assertThat(entry.release()).isEqualTo(InventoryEntry.CURRENT_RELEASE);
        });
    }

    @Test
    void counterTerminalsOnBatteryCarryAnActivatedSimCard() {
        Inventory inventory = Inventory.of(FLEET, NOW, 42);
        assertThat(inventory.matching(entry -> entry.iccid() != null)).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.iccid()).matches("89\\d{17}");
            assertThat(entry.simStatus()).isEqualTo("activated");
            assertThat(entry.terminal().model().battery()).isTrue();
        });
        assertThat(inventory.neverConnected()).allSatisfy(entry -> assertThat(entry.iccid()).isNull());
    }
}
