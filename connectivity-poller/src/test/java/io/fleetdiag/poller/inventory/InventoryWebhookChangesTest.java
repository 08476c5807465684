package io.fleetdiag.poller.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.poller.Scope;
import io.fleetdiag.schemas.TerminalInventory;
import io.fleetdiag.terminalapi.management.InventoryTerminal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A Management webhook's record: the listing's shape, the webhook's assignment over what the topic holds. */
class InventoryWebhookChangesTest {

    private static final List<Scope> SCOPES = List.of(Scope.parse("AcmeRetail_EU"), Scope.parse("AcmeRetail_US/US-1"));
    private static final Instant FIRST = Instant.parse("2026-12-02T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-12-05T20:40:00Z");
    private static final TerminalInventory HELD = InventoryChanges.record(SCOPES.get(0), new InventoryTerminal("V400m-1", "V400m", "1",
            "adyen_v1_69p4", "Acme", "AcmeRetail_EU", "EU-1", "reassignmentInProgress", "{\"storeId\":\"EU-2\"}", "{}", FIRST, FIRST, "03:00"), FIRST);

    @Test
    void anAssignmentMovesAKnownTerminalAndKeepsWhatTheListingSaid() {
        TerminalUpdate update = new TerminalUpdate("terminalAssignment.completed", "V400m-1", "AcmeRetail_EU", null, "EU-2", "boarded", LATER);

        TerminalInventory after = InventoryChanges.of(SCOPES, update, HELD).orElseThrow().value();

        assertThat(after.getStore()).isEqualTo("EU-2");
        assertThat(after.getAssignmentStatus()).isEqualTo("boarded");
        assertThat(after.getReassignmentTarget()).isNull();
        assertThat(after.getFirmwareVersion()).isEqualTo("adyen_v1_69p4");
        assertThat(after.getCompanyId()).isEqualTo("Acme");
        assertThat(after.getRestartLocalTime()).isEqualTo("03:00");
        assertThat(after.getScope()).isEqualTo("AcmeRetail_EU");
        assertThat(after.getListedAt()).isEqualTo(LATER);
    }

    @Test
    void aBoardedTerminalNotYetListedGetsItsModelAndSerialFromItsId() {
        TerminalUpdate update = new TerminalUpdate("terminalBoarding.triggered", "S1F2-000158", "AcmeRetail_US", "Acme", "US-1", "boarded", LATER);

        TerminalInventory after = InventoryChanges.of(SCOPES, update, null).orElseThrow().value();

        assertThat(after.getModel()).isEqualTo("S1F2");
        assertThat(after.getSerialNumber()).isEqualTo("000158");
        assertThat(after.getScope()).isEqualTo("AcmeRetail_US/US-1");
    }

    @Test
    void aTerminalMovedOutOfEveryScopeGetsATombstoneAndAnUnknownOneNothing() {
        TerminalUpdate away = new TerminalUpdate("terminalAssignment.completed", "V400m-1", "AcmeRetail_US", null, "US-9", "boarded", LATER);

        assertThat(InventoryChanges.of(SCOPES, away, HELD)).hasValueSatisfying(change -> assertThat(change.value()).isNull());
        assertThat(InventoryChanges.of(SCOPES, away, null)).isEmpty();
    }

    @Test
    void aSettingsChangeThatChangesNothingPublishesNothing() {
        TerminalUpdate settings = new TerminalUpdate("terminalSettings.modified", "V400m-1", "AcmeRetail_EU", null, null, null, LATER);

        assertThat(InventoryChanges.of(SCOPES, settings, HELD)).isEmpty();
    }

    @Test
    void aSettingsChangeWithANewRestartHourMovesOnlyTheRestartTime() {
        TerminalUpdate settings = new TerminalUpdate("terminalSettings.modified", "V400m-1", "AcmeRetail_EU", null, null, null, LATER)
                .restartingAt(4);

        TerminalInventory after = InventoryChanges.of(SCOPES, settings, HELD).orElseThrow().value();

        assertThat(HELD.getRestartLocalTime()).isEqualTo("03:00");
        assertThat(after.getRestartLocalTime()).isEqualTo("04:00");
        assertThat(after.getStore()).isEqualTo(HELD.getStore());
        assertThat(after.getAssignmentStatus()).isEqualTo(HELD.getAssignmentStatus());
        assertThat(after.getReassignmentTarget()).isEqualTo(HELD.getReassignmentTarget());
    }
}
