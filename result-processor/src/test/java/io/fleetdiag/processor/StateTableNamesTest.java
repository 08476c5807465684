package io.fleetdiag.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.topics.TopicCatalog;
import io.fleetdiag.topics.TopicNames;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/**
 * The names of the state tables are part of their changelog topics' names: a renamed table starts
 * empty in a running deployment, so the names are pinned here and only change on purpose.
 */
class StateTableNamesTest {

    @Test
    void theStateTablesKeepTheNamesTheirChangelogsHave() {
        TopologyDescription description = ResultProcessorTopology.buildTopology(new ResultProcessorTopology.Config(
                ProcessorSettings.defaultSettings(), new TopicCatalog(TopicNames.defaults(), new PlainAvroSerdes()), 6)).describe();
        Set<String> tables = new TreeSet<>();
        description.subtopologies().forEach(sub -> sub.nodes().forEach(node -> {
            if (node instanceof TopologyDescription.Processor processor) {
                tables.addAll(processor.stores());
            }
        }));

        assertThat(tables).containsExactlyInAnyOrder(
                "scope-members-store", "snapshot-progress-store", "snapshot-sightings-store", "scope-source-alerts-store",
                "terminal-state-store", "active-alerts-store", "fleet-counts-store", "wallclock-due-store", "wallclock-index-store",
                "store-members-store", "store-health-store", "store-alerts-store", "resolved-alerts-table",
                "alert-episodes-table", "fleet-alerts-table", "firmware-listings-store", "firmware-counts-store", "firmware-members-store",
                "terminal-reboots-table");
    }
}
