package io.fleetdiag.processor.reboot;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.schemas.ScheduledAction;
import io.fleetdiag.schemas.TerminalAction;
import io.fleetdiag.schemas.TerminalActionKind;
import io.fleetdiag.terminalapi.management.TerminalActionsClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalActionRecordsTest {

    private static final Instant AT = Instant.parse("2026-12-05T22:00:00Z");

    @Test
    void aTerminalsRebootIsKeyedByItsPoiidAndSaysWhoWhatWhenAndTheAction() {
        TerminalActionsClient.Schedule schedule = new TerminalActionsClient.Schedule(
                List.of(new TerminalActionsClient.Scheduled("V400m-1", "TRAC1")), Map.of());

        TerminalActionRecords.Keyed keyed = TerminalActionRecords.terminal("V400m-1", schedule, "ops@example.com", AT);

        assertThat(keyed.key()).isEqualTo("V400m-1");
        TerminalAction value = keyed.value();
        assertThat(value.getKind()).isEqualTo(TerminalActionKind.SCHEDULED);
        assertThat(value.getActionType()).isEqualTo("ForceReboot");
        assertThat(value.getBy()).isEqualTo("ops@example.com");
        assertThat(value.getAt()).isEqualTo(AT);
        assertThat(value.getActions()).containsExactly(new ScheduledAction("V400m-1", "TRAC1"));
        assertThat(value.getStatus()).isEqualTo("pending");
        assertThat(value.getMerchantAccount()).isNull();
    }

    @Test
    void aStoresRebootNamesTheStoreEveryActionAndTheRefusals() {
        TerminalActionsClient.Schedule schedule = new TerminalActionsClient.Schedule(List.of(
                new TerminalActionsClient.Scheduled("V400m-1", "TRAC1"), new TerminalActionsClient.Scheduled("V400m-2", "TRAC2")),
                Map.of("V400m-3", "Terminal not found"));

        TerminalActionRecords.Keyed keyed = TerminalActionRecords.store("MA", "AMS-1", schedule, "ops", AT);

        assertThat(keyed.key()).isEqualTo("MA/AMS-1");
        assertThat(keyed.value().getMerchantAccount()).isEqualTo("MA");
        assertThat(keyed.value().getStore()).isEqualTo("AMS-1");
        assertThat(keyed.value().getActions()).extracting(ScheduledAction::getActionId).containsExactly("TRAC1", "TRAC2");
        assertThat(keyed.value().getRefused()).containsExactly(Map.entry("V400m-3", "Terminal not found"));
    }

    @Test
    void anOutcomeIsKeyedByTheTerminalWithAdyensStatusAndResult() {
        TerminalActionsClient.Action action = new TerminalActionsClient.Action("TRAC1", "V400m-1", "ForceReboot", "failed",
                "Terminal did not reboot", AT.minusSeconds(60), AT);

        TerminalActionRecords.Keyed keyed = TerminalActionRecords.outcome(action, "viewer", AT);

        assertThat(keyed.key()).isEqualTo("V400m-1");
        assertThat(keyed.value().getKind()).isEqualTo(TerminalActionKind.OUTCOME);
        assertThat(keyed.value().getActions()).containsExactly(new ScheduledAction("V400m-1", "TRAC1"));
        assertThat(keyed.value().getStatus()).isEqualTo("failed");
        assertThat(keyed.value().getDetail()).isEqualTo("Terminal did not reboot");
        assertThat(keyed.value().getBy()).isEqualTo("viewer");
    }
}
