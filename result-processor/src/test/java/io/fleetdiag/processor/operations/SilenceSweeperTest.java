package io.fleetdiag.processor.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.schemas.AlertOperation;
import io.fleetdiag.schemas.AlertScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class SilenceSweeperTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(30);

    private static AlertOperation silence(String name, Instant created, Instant until) {
        AlertOperation silence = Silences.create(AlertScope.newBuilder().setAlertType("BATTERY_LOW").build(), until, "ops", "why", created);
        silence.setId(Silences.ID_PREFIX + name);
        return silence;
    }

    @Test
    void silencesThatEndedLongerAgoThanTheRetentionAreTombstonedAndNoOthers() {
        AlertOperation active = silence("active", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)));
        AlertOperation recentlyOver = silence("recently-over", NOW.minus(Duration.ofDays(40)), NOW.minus(Duration.ofDays(29)));
        AlertOperation longOver = silence("long-over", NOW.minus(Duration.ofDays(60)), NOW.minus(Duration.ofDays(30)));
        AlertOperation endedEarly = Silences.ended(silence("ended-early", NOW.minus(Duration.ofDays(45)), NOW.plus(Duration.ofDays(20))),
                "ops", NOW.minus(Duration.ofDays(31)));
        List<AlertOperation> all = List.of(active, recentlyOver, longOver, endedEarly);
        Serializer<AlertOperation> values = (topic, value) -> value == null ? null : new byte[] {1};
        MockProducer<String, AlertOperation> producer = new MockProducer<>(true, null, new StringSerializer(), values);

        int swept = new SilenceSweeper(() -> new AlertOperations(id -> null, prefix -> all), producer, "alert-operations", RETENTION,
                Clock.fixed(NOW, ZoneOffset.UTC)).sweep();

        assertThat(swept).isEqualTo(2);
        assertThat(producer.history()).extracting(ProducerRecord::key)
                .containsExactlyInAnyOrder(Silences.ID_PREFIX + "long-over", Silences.ID_PREFIX + "ended-early");
        assertThat(producer.history()).allSatisfy(record -> {
            assertThat(record.topic()).isEqualTo("alert-operations");
            assertThat(record.value()).as("a tombstone").isNull();
        });
    }
}
