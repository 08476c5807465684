package io.fleetdiag.poller.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.poller.Scope;
import io.fleetdiag.schemas.TerminalInventory;
import io.fleetdiag.terminalapi.management.InventoryTerminal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryChangesTest {

    private static final Scope SCOPE = Scope.parse("AcmeRetail_EU");
    private static final Scope OTHER = Scope.parse("AcmeRetail_US");
    private static final Instant FIRST = Instant.parse("2026-12-02T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-12-02T11:00:00Z");

    private static InventoryTerminal terminal(String id, String store) {
        return new InventoryTerminal(id, "V400m", id.substring(id.indexOf('-') + 1), "adyen_v1_69p4", "Acme", "AcmeRetail_EU", store,
                "boarded", null, null, FIRST, FIRST, null);
    }

    private static Map<String, TerminalInventory> published(Scope scope, List<InventoryTerminal> terminals) {
        Map<String, TerminalInventory> published = new HashMap<>();
        terminals.forEach(terminal -> published.put(terminal.id(), InventoryChanges.record(scope, terminal, FIRST)));
        return published;
    }

    @Test
    void aFirstListingPublishesEveryTerminalWithItsAssignment() {
        InventoryChanges.Result result = InventoryChanges.of(SCOPE, List.of(terminal("V400m-1", "EU-1"), terminal("V400m-2", "EU-2")),
                Map.of(), FIRST, 0.5);

        assertThat(result.changes()).extracting(InventoryChanges.Change::poiid).containsExactly("V400m-1", "V400m-2");
        TerminalInventory first = result.changes().get(0).value();
        assertThat(first.getStore()).isEqualTo("EU-1");
        assertThat(first.getMerchantAccount()).isEqualTo("AcmeRetail_EU");
        assertThat(first.getScope()).isEqualTo("AcmeRetail_EU");
        assertThat(first.getAssignmentStatus()).isEqualTo("boarded");
        assertThat(first.getListedAt()).isEqualTo(FIRST);
    }

    @Test
    void anUnchangedTerminalIsNotRepublishedAndAMovedOneIs() {
        Map<String, TerminalInventory> published = published(SCOPE, List.of(terminal("V400m-1", "EU-1"), terminal("V400m-2", "EU-2")));

        InventoryChanges.Result result = InventoryChanges.of(SCOPE, List.of(terminal("V400m-1", "EU-1"), terminal("V400m-2", "EU-9")),
                published, LATER, 0.5);

        assertThat(result.changes()).singleElement().satisfies(change -> {
            assertThat(change.poiid()).isEqualTo("V400m-2");
            assertThat(change.value().getStore()).isEqualTo("EU-9");
            assertThat(change.value().getListedAt()).isEqualTo(LATER);
        });
    }

    @Test
    void aTerminalThatLeftTheScopesListingGetsATombstoneAndOtherScopesAreLeftAlone() {
        Map<String, TerminalInventory> published = published(SCOPE,
                List.of(terminal("V400m-1", "EU-1"), terminal("V400m-2", "EU-1"), terminal("V400m-3", "EU-1")));
        published.putAll(published(OTHER, List.of(terminal("V400m-9", "US-1"))));

        InventoryChanges.Result result = InventoryChanges.of(SCOPE, List.of(terminal("V400m-1", "EU-1"), terminal("V400m-2", "EU-1")),
                published, LATER, 0.5);

        assertThat(result.changes()).singleElement().satisfies(change -> {
            assertThat(change.poiid()).isEqualTo("V400m-3");
            assertThat(change.value()).isNull();
        });
        assertThat(result.heldRemovals()).isZero();
    }

    @Test
    void anEmptyOrCollapsedListingDoesNotRemoveTheScope() {
        Map<String, TerminalInventory> published = published(SCOPE,
                List.of(terminal("V400m-1", "EU-1"), terminal("V400m-2", "EU-1"), terminal("V400m-3", "EU-1"), terminal("V400m-4", "EU-1")));

        InventoryChanges.Result empty = InventoryChanges.of(SCOPE, List.of(), published, LATER, 0.5);
        InventoryChanges.Result collapsed = InventoryChanges.of(SCOPE, List.of(terminal("V400m-5", "EU-1")), published, LATER, 0.5);

        assertThat(empty.changes()).isEmpty();
        assertThat(empty.heldRemovals()).isEqualTo(4);
        assertThat(collapsed.changes()).extracting(InventoryChanges.Change::poiid).containsExactly("V400m-5");
        assertThat(collapsed.heldRemovals()).isEqualTo(4);
    }

    @Test
    void aListingThatReplacesTerminalsWithoutShrinkingRemovesTheOldOnes() {
        Map<String, TerminalInventory> published = published(SCOPE, List.of(terminal("V400m-1", "EU-1"), terminal("V400m-2", "EU-1")));

        InventoryChanges.Result result = InventoryChanges.of(SCOPE, List.of(terminal("V400m-7", "EU-1"), terminal("V400m-8", "EU-1")),
                published, LATER, 0.5);

        assertThat(result.heldRemovals()).isZero();
        assertThat(result.changes()).filteredOn(change -> change.value() == null).extracting(InventoryChanges.Change::poiid)
                .containsExactlyInAnyOrder("V400m-1", "V400m-2");
    }
}
