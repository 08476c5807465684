package io.fleetdiag.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The schema check rejects what the API server or Strimzi's CRDs would: misspelt fields, values of the wrong type,
 * missing required fields, malformed quantities, an API version not served. It runs on the kit's own files, so it
 * needs no kubectl; {@code KustomizeOverlaysTest} applies it to every rendered object.
 */
class KubernetesSchemasTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void theKitsOwnObjectsAreValid() throws Exception {
        for (String file : List.of("poller/deployment.yaml", "processor/statefulset.yaml", "processor/pdb.yaml", "services.yaml",
                "network-policies.yaml", "strimzi/topics.yaml", "strimzi/users.yaml")) {
            for (JsonNode object : documents(file)) {
                assertThat(KubernetesSchemas.problems(object)).as(file).isEmpty();
            }
        }
    }

    @Test
    void aMisspeltFieldFails() throws Exception {
        ObjectNode deployment = poller();
        ((ObjectNode) deployment.path("spec")).put("replica", 2);

        assertThat(KubernetesSchemas.problems(deployment)).singleElement().asString().contains("spec", "replica");
    }

    @Test
    void aMisspeltFieldDeepInThePodTemplateFails() throws Exception {
        ObjectNode deployment = poller();
        ((ObjectNode) container(deployment).path("readinessProbe").path("httpGet")).put("paht", "/health/ready");

        assertThat(KubernetesSchemas.problems(deployment)).singleElement().asString().contains("paht");
    }

    @Test
    void aValueOfTheWrongTypeFails() throws Exception {
        ObjectNode port = poller();
        ((ObjectNode) container(port).path("ports").path(0)).put("containerPort", "x");
        ObjectNode quotedNumber = poller();
        ((ObjectNode) quotedNumber.path("spec")).put("replicas", "2");
        ObjectNode unquotedEnv = poller();
        ((ObjectNode) container(unquotedEnv).path("env").path(0)).put("value", 8091);

        assertThat(KubernetesSchemas.problems(port)).singleElement().asString().contains("containerPort");
        assertThat(KubernetesSchemas.problems(quotedNumber)).singleElement().asString().contains("replicas");
        assertThat(KubernetesSchemas.problems(unquotedEnv)).singleElement().asString().contains("value");
    }

    @Test
    void aMissingRequiredFieldOrABadQuantityFails() throws Exception {
        ObjectNode unnamed = poller();
        ((ObjectNode) container(unnamed)).remove("name");
        ObjectNode quantity = poller();
        ((ObjectNode) container(quantity).path("resources").path("limits")).put("memory", "512Mx");

        assertThat(KubernetesSchemas.problems(unnamed)).singleElement().asString().contains("containers[0].name is required");
        assertThat(KubernetesSchemas.problems(quantity)).singleElement().asString().contains("512Mx");
    }

    @Test
    void strimzisResourcesAreCheckedAgainstTheirSchemaAndServedVersion() throws Exception {
        ObjectNode topic = (ObjectNode) documents("strimzi/topics.yaml").get(0);
        ObjectNode misspelt = topic.deepCopy();
        ((ObjectNode) misspelt.path("spec")).put("partition", 3);
        ObjectNode zero = topic.deepCopy();
        ((ObjectNode) zero.path("spec")).put("partitions", 0);
        ObjectNode oldApi = topic.deepCopy().put("apiVersion", "kafka.strimzi.io/v1beta2");
        ObjectNode user = (ObjectNode) documents("strimzi/users.yaml").get(0);
        ObjectNode operation = user.deepCopy();
        ((ArrayNode) operation.path("spec").path("authorization").path("acls").path(0).path("operations")).add("Reed");
        ObjectNode v1beta2Field = user.deepCopy();
        ((ObjectNode) v1beta2Field.path("spec").path("authorization").path("acls").path(0)).put("operation", "Read");
        ObjectNode authentication = user.deepCopy();
        ((ObjectNode) authentication.path("spec").path("authentication")).put("type", "scram-sha-256");

        assertThat(KafkaTopic.VERSIONS).contains("v1");
        assertThat(KafkaUser.VERSIONS).contains("v1");
        assertThat(KubernetesSchemas.problems(misspelt)).singleElement().asString().contains("partition");
        assertThat(KubernetesSchemas.problems(zero)).singleElement().asString().contains("spec.partitions must be at least 1");
        assertThat(KubernetesSchemas.problems(oldApi)).singleElement().asString().contains("not a kind and version");
        assertThat(KubernetesSchemas.problems(operation)).singleElement().asString().contains("Reed");
        assertThat(KubernetesSchemas.problems(v1beta2Field)).singleElement().asString().contains("operation is not in Strimzi's v1 API");
        assertThat(KubernetesSchemas.problems(authentication)).singleElement().asString().contains("scram-sha-256");
    }

    /** The resources docs/deploy.md asks the operator to write (the Kafka, the events listener's Ingress) are valid too. */
    @Test
    void theResourcesTheDeployGuideShowsAreValid() throws Exception {
        List<String> lines = Files.readAllLines(DeployKitTest.ROOT.resolve("docs/deploy.md"));
        List<JsonNode> shown = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("```yaml")) {
                int indent = lines.get(i).indexOf('`');
                StringBuilder block = new StringBuilder();
                for (i++; !lines.get(i).strip().equals("```"); i++) {
                    block.append(lines.get(i).length() > indent ? lines.get(i).substring(indent) : "").append('\n');
                }
                JsonNode document = YAML.readTree(block.toString());
                if (document.has("apiVersion")) {
                    shown.add(document);
                }
            }
        }

        assertThat(shown).extracting(document -> document.path("kind").asText()).contains("Kafka", "Ingress");
        for (JsonNode document : shown) {
            assertThat(KubernetesSchemas.problems(document)).as("docs/deploy.md's " + document.path("kind").asText()).isEmpty();
        }
    }

    private static ObjectNode poller() throws Exception {
        return (ObjectNode) documents("poller/deployment.yaml").get(0);
    }

    private static JsonNode container(JsonNode workload) {
        return workload.path("spec").path("template").path("spec").path("containers").path(0);
    }

    static List<JsonNode> documents(String file) throws Exception {
        List<JsonNode> documents = new ArrayList<>();
        byte[] yaml = Files.readAllBytes(DeployKitTest.ROOT.resolve(DeployKit.BASE).resolve(file));
        try (var values = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            values.forEachRemaining(document -> {
                if (document != null && document.isObject() && !document.isEmpty()) {
                    documents.add(document);
                }
            });
        }
        return documents;
    }
}
