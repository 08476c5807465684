package io.fleetdiag.processor;

import static io.fleetdiag.processor.ProcessorDriver.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.topics.TopicNames;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The production exception handlers on the test driver: a record that does not decode is a dead letter, and the next one counts. */
class DeadLetterTopologyTest {

    private static final String POIID = "V400m-346403161";
    private final ProcessorDriver driver = new ProcessorDriver();

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void anUndecodableResultBecomesADeadLetterAndProcessingGoesOn() {
        byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);

        driver.pipeRaw(TopicNames.defaults().results(), POIID, garbage);
        driver.result(Fixtures.success(POIID, at(1), p -> p.battery = 10));

        assertThat(driver.deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.getApplication()).isEqualTo("result-processor");
            assertThat(letter.getSourceTopic()).isEqualTo(TopicNames.defaults().results());
            assertThat(letter.getValue()).isEqualTo(ByteBuffer.wrap(garbage));
        });
        assertThat(driver.alerts(AlertType.BATTERY_LOW, AlertStatus.RAISED)).singleElement()
                .satisfies(alert -> assertThat(alert.getPoiid()).isEqualTo(POIID));
    }
}
