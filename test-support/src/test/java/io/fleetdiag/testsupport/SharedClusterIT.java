package io.fleetdiag.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.FeatureMetadata;
import org.apache.kafka.server.common.MetadataVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestClusterExtension.class)
class SharedClusterIT {

    private static TestCluster first;

    @BeforeAll
    static void remember(TestCluster cluster) {
        first = cluster;
    }

    @Test
    void everyTestOfTheJvmSharesOneCluster(TestCluster cluster) {
        assertThat(cluster).isSameAs(first);
    }

    @Test
    void theBrokerIsASingleKraftNodeOnTheProductionMetadataVersion(TestCluster cluster) throws Exception {
        try (Admin admin = cluster.admin()) {
            assertThat(admin.describeCluster().nodes().get()).hasSize(1);
            FeatureMetadata features = admin.describeFeatures().featureMetadata().get();
            assertThat(features.finalizedFeatures().get("metadata.version").maxVersionLevel())
                    .isEqualTo(MetadataVersion.latestProduction().featureLevel());
            String topic = cluster.uniqueName("probe");
            cluster.createTopics(2, topic);
            assertThat(admin.listTopics().names().get()).contains(topic);
        }
    }

    @Test
    void theRegistryServesTheConfluentApi(TestCluster cluster) throws Exception {
        HttpResponse<String> subjects = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(cluster.schemaRegistryUrl() + "/subjects")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(subjects.statusCode()).isEqualTo(200);
        assertThat(subjects.body()).startsWith("[");
    }
}
