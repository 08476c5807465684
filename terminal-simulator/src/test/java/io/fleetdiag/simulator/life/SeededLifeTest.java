package io.fleetdiag.simulator.life;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.simulator.fleet.Fleet;
import io.fleetdiag.simulator.fleet.Terminal;
import io.fleetdiag.testsupport.SteppedClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * A seed gives the same fleet life, draw for draw: the digests pin every condition along the way and
 * what the Mobile SDKs report on a host diagnosis at the end. A change of the random draws' order
 * changes them; a refactoring must not.
 */
class SeededLifeTest {

    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

    private static final long CAPTURE_WAIT = Duration.ofMinutes(3).toMillis();

    @Test
    void theDemoProfileLivesTheSameForTheSameSeed() {
        assertThat(digest(LifeRates.demo(), 2_000, 23, Duration.ofSeconds(1), 400))
                .isEqualTo("68291d6b413cdc00d1a71b25fd02c46d8c654d868ad1c805a03a7d32ebe17a87");
    }

    @Test
    void theRealisticProfileLivesTheSameForTheSameSeed() {
        assertThat(digest(LifeRates.realistic(), 2_000, 29, Duration.ofMinutes(5), 360))
                .isEqualTo("7bc6a51d4652ae810af46a6fc3e39e4609097d9243594c8c2e6ff7ce7df3ac56");
    }

    private static String digest(LifeRates rates, int size, long seed, Duration tick, int ticks) {
        SteppedClock clock = new SteppedClock(START);
        Fleet fleet = Fleet.generateWithReferenceTerminals(size, seed, 3, rates.sdkExpiry(), clock.instant());
        MessageDigest sha = sha256();
        try (FleetLife life = new FleetLife(fleet, rates, clock, seed)) {
            for (int i = 1; i <= ticks; i++) {
                clock.advance(tick);
                life.tick();
                if (i % 20 == 0) {
                    for (Terminal terminal : fleet.terminals()) {
                        sha.update(terminal.condition(clock.millis()).toString().getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        }
        for (Terminal terminal : fleet.terminals()) {
            sha.update(terminal.reported(clock.millis(), terminal.model().mobile(), CAPTURE_WAIT).toString()
                    .getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
