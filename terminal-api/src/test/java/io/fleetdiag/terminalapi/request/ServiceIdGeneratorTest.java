package io.fleetdiag.terminalapi.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ServiceIdGeneratorTest {

    @Test
    void idsAreTenAlphanumericCharacters() {
        ServiceIdGenerator generator = new ServiceIdGenerator();

        for (int i = 0; i < 1_000; i++) {
            assertThat(generator.next()).matches("[A-Za-z0-9]{10}");
        }
    }

    @Test
    void attemptsAtDifferentHundredthsOfASecondWithinTwoDaysNeverCollideEvenWithTheSameSuffix() {
        Instant start = Instant.parse("2026-11-23T10:00:00Z");
        Set<String> ids = new HashSet<>();
        for (long centis = 0; centis < 48L * 3600 * 100; centis += 997) {
            ServiceIdGenerator generator = new ServiceIdGenerator(
                    Clock.fixed(start.plusMillis(centis * 10), ZoneOffset.UTC), new SplittableRandom(7));
            ids.add(generator.next());
        }

        assertThat(ids).hasSize((int) ((48L * 3600 * 100 + 996) / 997));
    }
}
