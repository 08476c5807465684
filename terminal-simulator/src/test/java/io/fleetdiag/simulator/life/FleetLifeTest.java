package io.fleetdiag.simulator.life;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.simulator.fleet.Condition;
import io.fleetdiag.simulator.fleet.Fleet;
import io.fleetdiag.simulator.fleet.Terminal;
import io.fleetdiag.testsupport.SteppedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Stepping simulated time by hand, the demo profile shows every kind of episode, and episodes end. */
class FleetLifeTest {

    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

    enum Seen { OFFLINE, HUNG, STORE_OUTAGE, BUSY, LOW_BATTERY, NO_PAPER, UNCONFIRMED, HOST_UNREACHABLE, TAMPER, COMMUNICATION_FAULT, MAINTENANCE,
        ATTESTATION, STORE_AND_FORWARD, ASYNC_CAPTURE_FAILURE }

    @Test
    void theDemoProfileShowsEveryEpisodeWithinMinutesAndTheyEnd() {
        SteppedClock clock = new SteppedClock(START);
        Fleet fleet = Fleet.generate(1_000, 11, 2, LifeRates.demo().sdkExpiry(), clock.instant());
        Set<Seen> seen = EnumSet.noneOf(Seen.class);
        try (FleetLife life = new FleetLife(fleet, LifeRates.demo(), clock, 11)) {
            for (int second = 0; second < 180; second++) {
                clock.advance(Duration.ofSeconds(1));
                life.tick();
                for (Terminal terminal : fleet.terminals()) {
                    record(terminal.condition(clock.millis()), seen);
                }
                for (List<Terminal> store : fleet.stores()) {
                    if (store.size() > 2 && store.stream().noneMatch(terminal -> terminal.online(clock.millis()))) {
                        seen.add(Seen.STORE_OUTAGE);
                    }
                }
            }
            assertThat(seen).containsExactlyInAnyOrder(Seen.values());

            // demo disconnects and store outages last at most four minutes; no tick, so no new ones start meanwhile
            clock.advance(Duration.ofMinutes(5));
            assertThat(fleet.terminals()).allMatch(terminal -> terminal.online(clock.millis()));
        }
    }

    @Test
    void theStaticProfileChangesNothing() {
        SteppedClock clock = new SteppedClock(START);
        Fleet fleet = Fleet.generate(300, 5, 1, LifeRates.staticFleet().sdkExpiry(), clock.instant());
        String before = fleet.terminals().stream().map(t -> t.condition(clock.millis()).toString()).toList().toString();
        try (FleetLife life = new FleetLife(fleet, LifeRates.staticFleet(), clock, 5)) {
            for (int i = 0; i < 60; i++) {
                clock.advance(Duration.ofMinutes(1));
                life.tick();
            }
        }
        assertThat(fleet.terminals().stream().map(t -> t.condition(clock.millis()).toString()).toList().toString()).isEqualTo(before);
    }

    private static void record(Condition c, Set<Seen> seen) {
        if (!c.online()) {
            seen.add(Seen.OFFLINE);
        }
        if (!c.responding()) {
            seen.add(Seen.HUNG);
        }
        if (c.busy()) {
            seen.add(Seen.BUSY);
        }
        if (c.batteryLevel() != null && c.batteryLevel() < 20) {
            seen.add(Seen.LOW_BATTERY);
        }
        if ("NoPaper".equals(c.printerStatus())) {
            seen.add(Seen.NO_PAPER);
        }
        if (c.unconfirmedBatchCount() > 0) {
            seen.add(Seen.UNCONFIRMED);
        }
        if (!c.hostReachable()) {
            seen.add(Seen.HOST_UNREACHABLE);
        }
        if (Boolean.TRUE.equals(c.tampered())) {
            seen.add(Seen.TAMPER);
        }
        if (!c.communicationOk()) {
            seen.add(Seen.COMMUNICATION_FAULT);
        }
        if ("Maintenance".equals(c.globalStatus())) {
            seen.add(Seen.MAINTENANCE);
        }
        if (c.attestation() != null && !"valid".equals(c.attestation().status())) {
            seen.add(Seen.ATTESTATION);
        }
        if (c.storeAndForward() != null && c.storeAndForward().active()) {
            seen.add(Seen.STORE_AND_FORWARD);
        }
        if (c.asyncCaptureStatus() != null && !"Success".equals(c.asyncCaptureStatus())) {
            seen.add(Seen.ASYNC_CAPTURE_FAILURE);
        }
    }
}
