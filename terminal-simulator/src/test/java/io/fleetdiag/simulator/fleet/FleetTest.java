package io.fleetdiag.simulator.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FleetTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final SdkExpiry.Rates SOME_EXPIRING = new SdkExpiry.Rates(0.05);

    @Test
    void theSameSeedGivesTheSameFleet() {
        List<String> first = Fleet.generate(500, 7, 3, SOME_EXPIRING, NOW).terminals().stream().map(Terminal::poiid).toList();
        List<String> again = Fleet.generate(500, 7, 3, SOME_EXPIRING, NOW).terminals().stream().map(Terminal::poiid).toList();
        List<String> other = Fleet.generate(500, 8, 3, SOME_EXPIRING, NOW).terminals().stream().map(Terminal::poiid).toList();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void terminalsAreUniqueAndSpreadOverMerchantsStoresAndModels() {
        Fleet fleet = Fleet.generate(5_000, 42, 3, SOME_EXPIRING, NOW);

        Set<String> poiids = new HashSet<>();
        fleet.terminals().forEach(terminal -> poiids.add(terminal.poiid()));
        Map<String, Long> storeSizes = fleet.terminals().stream()
                .collect(Collectors.groupingBy(t -> Fleet.storeKey(t.merchantAccount(), t.store()), Collectors.counting()));

        assertThat(poiids).hasSize(5_000);
        assertThat(fleet.merchantAccounts()).hasSize(3);
        assertThat(storeSizes.values()).allMatch(size -> size >= 1 && size <= 16);
        assertThat(fleet.terminals()).extracting(Terminal::model).contains(Model.values());
        assertThat(fleet.terminals()).filteredOn(t -> !t.model().mobile())
                .allMatch(t -> t.poiid().matches(t.model().label() + "-\\d{9}"));
        assertThat(fleet.terminals()).filteredOn(t -> t.model().mobile())
                .allMatch(t -> t.poiid().matches("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\\.\\d{3}"));
    }

    @Test
    void conditionsOnlyReportWhatTheModelHas() {
        Fleet fleet = Fleet.generateWithReferenceTerminals(0, 1, 1, SOME_EXPIRING, NOW);

        Condition v400m = fleet.terminal("V400m-346403161").orElseThrow().condition(NOW.toEpochMilli());
        Condition p400 = fleet.terminal("P400Plus-275426191").orElseThrow().condition(NOW.toEpochMilli());
        Condition mobile = fleet.terminal("AC2ABBE8-EDD8-4E2B-AF45-8770FA2347DC.924").orElseThrow().condition(NOW.toEpochMilli());

        assertThat(v400m.batteryLevel()).isEqualTo(100);
        assertThat(v400m.printerStatus()).isEqualTo("OK");
        assertThat(v400m.tampered()).isNull();
        assertThat(p400.batteryLevel()).isNull();
        assertThat(p400.printerStatus()).isNull();
        assertThat(mobile.sdkExpiry()).isAfter(NOW);
        assertThat(mobile.asyncCaptureStatus()).isEqualTo("Success");
        assertThat(fleet.ofStore(ReferenceTerminals.MERCHANT_ACCOUNT, ReferenceTerminals.CONNECTED_STORE))
                .extracting(Terminal::poiid).containsExactlyElementsOf(ReferenceTerminals.CONNECTED_EXAMPLE);
    }

    @Test
    void anOperatorSetConditionHoldsAndStopsTheTerminalEvolving() {
        Fleet fleet = Fleet.generate(50, 3, 1, SOME_EXPIRING, NOW);
        Terminal terminal = fleet.terminals().stream().filter(t -> t.model().battery()).findFirst().orElseThrow();
        long now = NOW.toEpochMilli();

        terminal.apply(ConditionChange.of(Map.of("battery", 10, "online", false)), now);
        terminal.advance(now + 3_600_000, 1, new Battery.Rates(90, 180, Range.of(8, 30)), new java.util.SplittableRandom(1));

        assertThat(terminal.condition(now + 3_600_000).batteryLevel()).isEqualTo(10);
        assertThat(terminal.condition(now + 3_600_000).online()).isFalse();
        assertThat(terminal.evolving()).isFalse();
    }
}
