package io.fleetdiag.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.simulator.SimulatorConfig;
import io.fleetdiag.simulator.fleet.Fleet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The same seed gives the same schedule: a run can be repeated, and results of one seed compare across
 * versions. The fingerprints were taken from the suite as it was; a change to what is drawn, or to the
 * order of the draws, changes them.
 */
class ScheduleTest {

    private static final long SEED = 20261123L;
    private static final Instant NOW = Instant.parse("2026-12-05T06:00:00Z");

    @Test
    void theDefaultSeedGivesTheScheduleItAlwaysGave() throws Exception {
        assertThat(fingerprint(FaultSuiteSize.DEFAULT, SEED)).isEqualTo("b06e773e83b94f51b6ac18c2317d9b3f083e57c7d4f64eb0f1b9cb9c3a37532e");
        assertThat(fingerprint(FaultSuiteSize.SMOKE, SEED)).isEqualTo("d57bf59a2bae6ba6aeff0ba45e20f8a9f73e1c24f557e696f9d24ce285dbd626");
    }

    @Test
    void anotherSeedGivesAnotherSchedule() throws Exception {
        assertThat(fingerprint(FaultSuiteSize.SMOKE, 42)).isNotEqualTo(fingerprint(FaultSuiteSize.SMOKE, SEED));
    }

    @Test
    void theScheduleHasWhatTheSizeAsksFor() {
        Schedule schedule = draw(FaultSuiteSize.DEFAULT, SEED).schedule();
        assertThat(schedule.episodes()).hasSize(FaultSuiteSize.DEFAULT.episodes);
        assertThat(schedule.brokerStops()).hasSize(FaultSuiteSize.DEFAULT.brokerRestarts);
        assertThat(schedule.kills()).containsOnlyKeys("processor", "dispatcher", "poller")
                .allSatisfy((service, kills) -> assertThat(kills).hasSize(FaultSuiteSize.DEFAULT.killsPerService));
    }

    private record Drawn(String apiKey, Schedule schedule) {
        /** Each value on a line of its own; maps of conditions are left out, as their order differs between JVMs. */
        String text() {
            StringBuilder text = new StringBuilder(apiKey).append('\n');
            schedule.episodes().forEach(episode -> text.append(episode.poiid()).append(' ').append(episode.type()).append(' ')
                    .append(episode.setAt()).append(' ').append(episode.clearAt()).append('\n'));
            schedule.brokerStops().forEach(stop -> text.append("broker ").append(stop).append('\n'));
            schedule.kills().forEach((service, kills) -> kills.forEach(kill -> text.append(service).append(' ').append(kill.at())
                    .append(' ').append(kill.startAgainAt()).append('\n')));
            return text.toString();
        }
    }

    private static Drawn draw(FaultSuiteSize size, long seed) {
        Random random = new Random(seed);
        String apiKey = Schedule.apiKey(random);
        SimulatorConfig config = FaultRun.simulatorConfig(size, seed, apiKey);
        Fleet fleet = config.fleet(NOW);
        Schedule schedule = Schedule.draw(random, size, fleet.terminals(),
                poiid -> fleet.terminal(poiid).orElseThrow().condition(NOW.toEpochMilli()), List.of("processor", "dispatcher", "poller"));
        return new Drawn(apiKey, schedule);
    }

    private static String fingerprint(FaultSuiteSize size, long seed) throws Exception {
        String text = draw(size, seed).text();
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
