package io.fleetdiag.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicNamesTest {

    @Test
    void defaultsAreTheNamesOfTheDesign() {
        assertThat(TopicNames.defaults()).isEqualTo(new TopicNames(
                "terminal-connectivity-snapshots", "diagnosis-check-requests", "diagnosis-check-retries",
                "diagnosis-results", "terminal-state", "store-health", "terminal-alerts", "fleetdiag-dead-letters",
                "fleetdiag-poller-lease", "fleetdiag-poller-state", "terminal-inventory", "alert-operations",
                "terminal-events", "terminal-actions"));
    }

    @Test
    void eachNameCanBeChangedAndAllCanBePrefixed() {
        TopicNames names = TopicNames.from(Map.of("topics.prefix", "prod.", "topics.terminal-alerts", "alerts-v2"));

        assertThat(names.alerts()).isEqualTo("prod.alerts-v2");
        assertThat(names.results()).isEqualTo("prod.diagnosis-results");
    }

    @Test
    void thePollersTopicsFollowTheSameScheme() {
        TopicNames names = TopicNames.from(Map.of("topics.prefix", "prod.", "topics.fleetdiag-poller-lease", "lease-2"));

        assertThat(names.pollerLease()).isEqualTo("prod.lease-2");
        assertThat(names.pollerState()).isEqualTo("prod.fleetdiag-poller-state");
    }

    @Test
    void everyTopicIsOverriddenByItsDefaultName() {
        TopicNames defaults = TopicNames.defaults();
        for (String defaultName : defaults.byDefaultName().keySet()) {
            TopicNames renamed = TopicNames.from(Map.of("topics." + defaultName, "renamed"));

            assertThat(renamed.byDefaultName()).as(defaultName)
                    .containsEntry(defaultName, "renamed")
                    .hasSize(14);
            assertThat(renamed.byDefaultName().values()).as(defaultName).containsOnlyOnce("renamed");
        }
    }

    @Test
    void theFormerShortKeysOfThePollersTopicsAreRefusedWithTheNewKey() {
        assertThatThrownBy(() -> TopicNames.from(Map.of("topics.poller-lease", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("topics.fleetdiag-poller-lease");
    }
}
