package io.fleetdiag.processor;

import static io.fleetdiag.processor.ProcessorDriver.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.processor.reboot.TerminalReboots;
import io.fleetdiag.schemas.ScheduledAction;
import io.fleetdiag.schemas.TerminalAction;
import io.fleetdiag.schemas.TerminalActionKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The reboot table built from terminal-actions: per terminal, newest first, the last status recorded, bounded in count and age. */
class RebootTableTopologyTest {

    private static final String POIID = "V400m-1";

    @AutoClose
    private final ProcessorDriver driver = new ProcessorDriver();

    private static TerminalAction record(TerminalActionKind kind, String status, String by, Instant at, ScheduledAction... actions) {
        return TerminalAction.newBuilder().setKind(kind).setActionType("ForceReboot").setBy(by).setAt(at).setActions(List.of(actions))
                .setRefused(Map.of()).setStatus(status).build();
    }

    private static List<String> seen(List<TerminalReboots.Known> reboots) {
        return reboots.stream().map(known -> known.actionId() + " " + known.status() + " " + known.by()).toList();
    }

    @Test
    void aTerminalsRebootsComeNewestFirstWithTheLastStatusRecordedAndWhoScheduledThem() {
        driver.action(POIID, record(TerminalActionKind.SCHEDULED, "pending", "ops", at(0), new ScheduledAction(POIID, "TRAC1")));
        driver.action(POIID, record(TerminalActionKind.OUTCOME, "successful", "viewer", at(5), new ScheduledAction(POIID, "TRAC1")));
        driver.action(POIID, record(TerminalActionKind.SCHEDULED, "pending", "ops", at(10), new ScheduledAction(POIID, "TRAC2")));
        // a replayed outcome older than what the table holds of the action changes nothing
        driver.action(POIID, record(TerminalActionKind.OUTCOME, "pending", "viewer", at(1), new ScheduledAction(POIID, "TRAC1")));

        assertThat(seen(driver.reboots(POIID))).containsExactly("TRAC2 pending ops", "TRAC1 successful ops");
        assertThat(driver.reboots(POIID).get(1).scheduledAt()).isEqualTo(at(0));
        assertThat(driver.reboots(POIID).get(1).seenAt()).isEqualTo(at(5));
    }

    @Test
    void aStoresRebootKeyedByTheStoreIsKeptUnderEachOfItsTerminals() {
        driver.action("AcmeRetail_EU/EU-0001", record(TerminalActionKind.SCHEDULED, "pending", "ops", at(0),
                new ScheduledAction("V400m-1", "TRAC1"), new ScheduledAction("V400m-2", "TRAC2")));

        assertThat(seen(driver.reboots("V400m-1"))).containsExactly("TRAC1 pending ops");
        assertThat(seen(driver.reboots("V400m-2"))).containsExactly("TRAC2 pending ops");
        assertThat(driver.reboots("AcmeRetail_EU/EU-0001")).isEmpty();
    }

    @Test
    void aTerminalKeepsItsNewestTwenty() {
        for (int i = 0; i < 25; i++) {
            driver.action(POIID, record(TerminalActionKind.SCHEDULED, "pending", "ops", at(i), new ScheduledAction(POIID, "TRAC" + i)));
        }

        assertThat(driver.reboots(POIID)).hasSize(20).first().satisfies(known -> assertThat(known.actionId()).isEqualTo("TRAC24"));
        assertThat(driver.reboots(POIID)).last().satisfies(known -> assertThat(known.actionId()).isEqualTo("TRAC5"));
    }

    @Test
    void actionsOlderThanTheTopicsNinetyDaysAreSweptOnTheWallClockAndAnEmptyRowGoes() {
        driver.action(POIID, record(TerminalActionKind.SCHEDULED, "pending", "ops", at(0), new ScheduledAction(POIID, "TRAC1")));

        driver.advanceWallClock(Duration.ofDays(89));
        assertThat(driver.reboots(POIID)).hasSize(1);

        driver.advanceWallClock(Duration.ofDays(1).plusHours(1));
        assertThat(driver.reboots(POIID)).isEmpty();
    }
}
