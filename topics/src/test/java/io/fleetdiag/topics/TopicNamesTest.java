package io.fleetdiag.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicNamesTest {

    @Test
    void defaultsAreTheNamesOfTheDesign() {
        assertThat(TopicNames.defaults()).isEqualTo(new TopicNames(
                "terminal-connectivity-snapshots", "diagnosis-check-requests", "diagnosis-check-retries",
                "diagnosis-results", "terminal-state", "store-health", "terminal-alerts", "fleetdiag-dead-letters",
                "alert-operations"));
    }

    @Test
    void eachNameCanBeChangedAndAllCanBePrefixed() {
        TopicNames names = TopicNames.from(Map.of("topics.prefix", "prod.", "topics.terminal-alerts", "alerts-v2"));

        assertThat(names.alerts()).isEqualTo("prod.alerts-v2");
        assertThat(names.results()).isEqualTo("prod.diagnosis-results");
    }
}
