package io.fleetdiag.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.topics.Topic;
import io.fleetdiag.topics.TopicCatalog;
import io.fleetdiag.topics.TopicNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The generated files of deploy/kubernetes are what the code makes. After changing a topic, a setting or an ACL,
 * regenerate them with
 * {@code mvn -B -q -o -pl deploy -am test -Dtest=DeployKitTest -Dsurefire.failIfNoSpecifiedTests=false -Dfleetdiag.docs.write=true}.
 */
class DeployKitTest {

    static final Path ROOT = Path.of(System.getProperty("fleetdiag.root", ".."));

    @Test
    void theCommittedFilesAreTheGeneratedOnes() throws Exception {
        for (Map.Entry<Path, String> file : DeployKit.files().entrySet()) {
            Path path = ROOT.resolve(file.getKey());
            if (Boolean.getBoolean("fleetdiag.docs.write")) {
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
            }
            assertThat(path).as(file.getKey() + " is missing: regenerate as DeployKitTest's comment says").exists();
            assertThat(Files.readString(path, StandardCharsets.UTF_8))
                    .as(file.getKey() + " is out of date: regenerate as DeployKitTest's comment says").isEqualTo(file.getValue());
        }
    }

    @Test
    void everyTopicOfTheCatalogueHasAKafkaTopicWithItsPolicy() {
        TopicCatalog catalog = DeployKit.catalog();
        List<Map<String, Object>> topics = StrimziResources.topics(catalog, 6);

        assertThat(topics).hasSize(catalog.everyTopic().size());
        for (Topic<?, ?> topic : catalog.everyTopic()) {
            Map<String, Object> spec = spec(topics.stream().filter(resource -> spec(resource).get("topicName").equals(topic.name()))
                    .findFirst().orElseThrow(() -> new AssertionError("no KafkaTopic for " + topic.name())));
            @SuppressWarnings("unchecked")
            Map<String, Object> config = (Map<String, Object>) spec.get("config");
            assertThat(config).containsAllEntriesOf(topic.config());
            assertThat(spec.get("partitions")).isEqualTo(catalog.poller().contains(topic) ? 1 : 6);
        }
        assertThat(DeployKit.files().get(DeployKit.BASE.resolve("strimzi/topics.yaml")))
                .contains("topicName: fleetdiag-dead-letters", "retention.ms: 2592000000", "cleanup.policy: compact");
    }

    @Test
    void theUsersHaveWhatTheirServicesUseAndTheLakeOnlyReads() {
        TopicCatalog catalog = DeployKit.catalog();
        Map<String, List<KafkaAcl>> users = KafkaAccess.users(catalog, TopicNames.defaults());

        assertThat(users).containsOnlyKeys("fleetdiag-processor", "fleetdiag-poller", "fleetdiag-dispatcher", "fleetdiag-notifier", "fleetdiag-lake");
        assertThat(users.get("fleetdiag-processor")).contains(
                new KafkaAcl("topic", "fleetdiag-result-processor", true, List.of("All")),
                new KafkaAcl("transactionalId", "fleetdiag-result-processor", true, List.of("Describe", "Write")),
                KafkaAcl.topic(catalog.results().name(), "Describe", "Read"));
        assertThat(users.get("fleetdiag-poller")).contains(KafkaAcl.transactionalId("fleetdiag-poller"),
                KafkaAcl.topic(catalog.snapshots().name(), "Describe", "Write"));
        assertThat(users.get("fleetdiag-dispatcher")).contains(KafkaAcl.group("fleetdiag-dispatcher", "Read"),
                KafkaAcl.topic(catalog.checkRequests().name(), "Describe", "Read"));
        // the lake's Connect user: fleetdiag's topics read-only, write only under its own prefix
        assertThat(users.get("fleetdiag-lake")).filteredOn(acl -> acl.type().equals("topic") && !acl.prefixed())
                .hasSize(KafkaAccess.LAKE_TOPICS.size())
                .allSatisfy(acl -> assertThat(acl.operations()).containsExactly("Describe", "Read"));
        assertThat(users.get("fleetdiag-lake")).filteredOn(acl -> acl.operations().contains("Write") || acl.operations().contains("All"))
                .allSatisfy(acl -> assertThat(acl.name()).startsWith(KafkaAccess.LAKE_PREFIX));
    }

    @Test
    void everyUserReadsOrWritesOnlyTopicsOfTheCatalogueOrItsOwnPrefix() {
        TopicCatalog catalog = DeployKit.catalog();
        List<String> names = catalog.everyTopic().stream().map(Topic::name).toList();

        KafkaAccess.users(catalog, TopicNames.defaults()).values().stream().flatMap(List::stream)
                .filter(acl -> acl.type().equals("topic") && !acl.prefixed())
                .forEach(acl -> assertThat(names).as("ACL on an unknown topic").contains(acl.name()));
    }

    @Test
    void theSettingsFilesSetOnlyDeclaredSettingsAndShowEveryOther() {
        for (Workload workload : Workload.all()) {
            String file = SettingsEnvFile.render(workload);
            workload.definitions().stream().flatMap(definition -> definition.settings().stream()).forEach(setting -> {
                assertThat(file).as(workload.name()).contains(ServiceConfig.environmentName(setting.key()) + "=");
                if (setting.secret()) {
                    assertThat(file).as(workload.name() + ": a secret is never set here").doesNotContain("\n" + ServiceConfig.environmentName(setting.key()) + "=");
                }
            });
            // a secret only as the file that holds it (..._PASSWORD_FILE=, never ..._PASSWORD=)
            assertThat(file).doesNotContainPattern("(?m)^[^#=]*(PASSWORD|SECRET|TOKEN|HMAC_KEY)=");
        }
        assertThat(SettingsEnvFile.render(Workload.all().get(0))).contains("FLEETDIAG_PROCESSOR_STATE_DIR=" + Workload.STATE_DIR + "\n");

        Workload wrong = new Workload("processor", Workload.all().get(0).definitions(), Map.of("processor.no-such-thing", "1"));
        assertThatThrownBy(() -> SettingsEnvFile.render(wrong)).hasMessageContaining("processor.no-such-thing");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("spec");
    }
}
