package io.fleetdiag.processor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdiag.processor.terminal.FleetCounts;
import io.fleetdiag.schemas.AlertScope;
import io.fleetdiag.service.access.Caller;
import io.fleetdiag.service.access.Scope;
import io.fleetdiag.service.http.Permission;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a restricted caller sees, and the fleet counts it gets, without a processor. */
class InScopeTest {

    private static final Caller ACCOUNT = new Caller("eu-manager", Set.of(Permission.READ), Scope.of(Set.of("AcmeRetail_EU"), Set.of()));
    private static final Caller STORE = new Caller("store-manager", Set.of(Permission.READ), Scope.of(Set.of(), Set.of("US-0001")));

    private static AlertScope target(String poiid, String merchantAccount, String store) {
        return AlertScope.newBuilder().setPoiid(poiid).setMerchantAccount(merchantAccount).setStore(store).build();
    }

    @Test
    void aTerminalStoreOrAlertIsSeenByItsAccountOrStoreAndAnAccountLevelOneOnlyWithTheWholeAccount() {
        assertThat(InScope.sees(ACCOUNT, "AcmeRetail_EU", "EU-0001")).isTrue();
        assertThat(InScope.sees(ACCOUNT, "AcmeRetail_US", "US-0001")).isFalse();
        assertThat(InScope.sees(STORE, "AcmeRetail_US", "US-0001")).isTrue();
        assertThat(InScope.sees(STORE, "AcmeRetail_US", "US-0002")).isFalse();
        assertThat(InScope.sees(STORE, "AcmeRetail_US", null)).as("a merchant account's alert needs the whole account").isFalse();
        assertThat(InScope.sees(ACCOUNT, "AcmeRetail_EU", null)).isTrue();
        assertThat(InScope.sees(ACCOUNT, null, null)).as("a fleet-level alert").isFalse();
        assertThat(InScope.sees(Caller.local(), null, null)).isTrue();
    }

    @Test
    void aSilenceTargetIsSeenWhenItsAccountOrStoreIsAndATypeEverywhereOrAnUnplacedTerminalOnlyByTheUnrestricted() {
        assertThat(InScope.target(ACCOUNT, target("V400m-1", "AcmeRetail_EU", "EU-0001"))).isTrue();
        assertThat(InScope.target(ACCOUNT, target("V400m-1", null, null))).isFalse();
        assertThat(InScope.target(ACCOUNT, target(null, null, null))).isFalse();
        assertThat(InScope.target(STORE, target(null, "AcmeRetail_US", "US-0001"))).isTrue();
        assertThat(InScope.target(STORE, target(null, "AcmeRetail_US", null))).isFalse();
        assertThat(InScope.target(Caller.local(), target("V400m-1", null, null))).isTrue();
    }

    @Test
    void perStoreCountsShowNoFleetWideFiguresAndDoNotMixWithWholeFleetOnes() {
        FleetTotals mine = FleetTotals.ofStores(12, 10, Map.of("BATTERY_LOW", 3L), 2, 1);
        FleetTotals both = mine.sum(FleetTotals.parse(mine.json()));

        assertThat(both.json().path("terminals").asInt()).isEqualTo(24);
        assertThat(both.json().path("offline").asInt()).isEqualTo(4);
        assertThat(both.json().path("activeAlertsByType").path("BATTERY_LOW").asInt()).isEqualTo(6);
        assertThat(both.json().path("neverSeen").isNull()).isTrue();
        assertThat(both.json().path("terminalsWithActiveAlerts").isNull()).isTrue();
        assertThat(both.json().path("counted").asText()).isEqualTo("stores in scope");
        FleetTotals fleet = new FleetTotals(new FleetCounts(100, 90, 5, 5, 7, Map.of(), Map.of("SUCCESS", 40L)), 10, 0, false);
        assertThat(FleetTotals.parse(fleet.json())).isEqualTo(fleet);
        assertThatThrownBy(() -> mine.sum(fleet)).isInstanceOf(IllegalArgumentException.class);
    }
}
