package io.fleetdiag.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/** The container backend works where a Docker engine exists; elsewhere this class is skipped. */
@EnabledIf(value = "io.fleetdiag.testsupport.ContainerCluster#dockerAvailable", disabledReason = "no Docker engine")
class ContainerClusterIT {

    @Test
    void startsTheBrokerAndRegistryImages() throws Exception {
        try (ContainerCluster cluster = ContainerCluster.start(); Admin admin = cluster.admin()) {
            String topic = cluster.uniqueName("probe");
            cluster.createTopics(1, topic);
            assertThat(admin.listTopics().names().get()).contains(topic);
            HttpResponse<String> subjects = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(cluster.schemaRegistryUrl() + "/subjects")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(subjects.statusCode()).isEqualTo(200);
        }
    }
}
