package io.fleetdiag.deploy;

import static io.fleetdiag.deploy.RenderedKit.container;
import static io.fleetdiag.deploy.RenderedKit.containerPort;
import static io.fleetdiag.deploy.RenderedKit.labelsMatch;
import static io.fleetdiag.deploy.RenderedKit.mountedAt;
import static io.fleetdiag.deploy.RenderedKit.name;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.topics.Topic;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every overlay renders with the real {@code kubectl kustomize}, and what it renders holds together: the fields
 * each kind requires, selectors that select, references that resolve (ConfigMaps, Secrets Strimzi writes, volumes,
 * named ports), probes on the health routes, settings the services declare, a KafkaTopic per catalogue topic; and every
 * object is valid against its kind's schema ({@link KubernetesSchemas}).
 */
class KustomizeOverlaysTest {

    private static final Map<String, String> API_VERSIONS = Map.of("Deployment", "apps/v1", "StatefulSet", "apps/v1", "Service", "v1",
            "ConfigMap", "v1", "PodDisruptionBudget", "policy/v1", "NetworkPolicy", "networking.k8s.io/v1",
            "KafkaTopic", StrimziResources.API_VERSION, "KafkaUser", StrimziResources.API_VERSION);
    private static final Pattern DNS_1123 = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
    /** The Secrets an operator creates (docs/deploy.md); Strimzi writes one per KafkaUser besides. */
    private static final Set<String> OPERATOR_SECRETS = Set.of("fleetdiag-http-token", "fleetdiag-adyen", "fleetdiag-events",
            "fleetdiag-notifier-routing");
    private static final Pattern MEMORY = Pattern.compile("(\\d+)(Mi|Gi)");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyObjectHasItsKindsRequiredFieldsAndANamespace(String overlay) throws Exception {
        RenderedKit kit = RenderedKit.render(overlay);

        assertThat(kit.objects()).isNotEmpty();
        for (JsonNode object : kit.objects()) {
            String kind = object.path("kind").asText();
            assertThat(API_VERSIONS).as("a kind the kit is not meant to have: " + kind).containsKey(kind);
            assertThat(object.path("apiVersion").asText()).as(kind + " " + name(object)).isEqualTo(API_VERSIONS.get(kind));
            assertThat(name(object)).as(kind).matches(DNS_1123).hasSizeLessThanOrEqualTo(253);
            assertThat(object.path("metadata").path("namespace").asText()).as(kind + " " + name(object)).isNotEmpty();
            assertThat(object.path("metadata").path("labels").path("app.kubernetes.io/part-of").asText().equals("fleetdiag")
                    || kind.startsWith("Kafka")).as(kind + " " + name(object) + " is labelled part of fleetdiag").isTrue();
            if (!kind.equals("ConfigMap")) {
                assertThat(object.path("spec").isObject()).as(kind + " " + name(object) + " has a spec").isTrue();
            }
        }
        assertThat(kit.objects().stream().map(object -> object.path("kind").asText() + "/" + name(object)))
                .as("no object twice").doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyObjectIsValidAgainstTheSchemaOfItsKind(String overlay) throws Exception {
        RenderedKit kit = RenderedKit.render(overlay);

        assertThat(kit.objects().stream().flatMap(object -> KubernetesSchemas.problems(object).stream()))
                .as(overlay + ": fabric8's Kubernetes model and Strimzi's api model, unknown fields refused").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void theWorkloadsSelectTheirPodsProbeTheHealthRoutesAndReferOnlyToWhatExists(String overlay) throws Exception {
        RenderedKit kit = RenderedKit.render(overlay);
        Set<String> kafkaUsers = kit.ofKind("KafkaUser").stream().map(RenderedKit::name).collect(Collectors.toSet());

        assertThat(kit.workloads().stream().map(RenderedKit::name))
                .containsExactlyInAnyOrder("fleetdiag-processor", "fleetdiag-poller", "fleetdiag-dispatcher", "fleetdiag-notifier");
        for (JsonNode workload : kit.workloads()) {
            String what = overlay + " " + name(workload);
            JsonNode template = workload.path("spec").path("template");
            assertThat(labelsMatch(workload.path("spec").path("selector").path("matchLabels"), template.path("metadata").path("labels")))
                    .as(what + ": the selector selects its own pods").isTrue();
            JsonNode container = container(workload);
            assertThat(container.path("image").asText()).as(what).matches("fleetdiag/fleetdiag:[^:]+");
            assertThat(container.path("ports").path(0).path("name").asText()).as(what).isEqualTo("http");
            assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).as(what).isEqualTo("/health/live");
            assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).as(what).isEqualTo("/health/ready");
            assertThat(container.path("startupProbe").path("httpGet").path("path").asText()).as(what).isEqualTo("/health/live");
            JsonNode resources = container.path("resources");
            assertThat(resources.path("requests").path("cpu").asText()).as(what + " cpu request").isNotEmpty();
            assertThat(mebibytes(resources.path("limits").path("memory").asText()))
                    .as(what + ": the memory limit is at least the request")
                    .isGreaterThanOrEqualTo(mebibytes(resources.path("requests").path("memory").asText()));

            Set<String> volumes = new HashSet<>();
            template.path("spec").path("volumes").forEach(volume -> {
                volumes.add(volume.path("name").asText());
                String secret = volume.path("secret").path("secretName").asText();
                if (!secret.isEmpty()) {
                    assertThat(OPERATOR_SECRETS).as(what + " mounts an unknown Secret").contains(secret);
                }
            });
            workload.path("spec").path("volumeClaimTemplates").forEach(claim -> volumes.add(name(claim)));
            container.path("volumeMounts").forEach(mount -> assertThat(volumes).as(what + " mounts a volume it has").contains(mount.path("name").asText()));

            container.path("env").forEach(variable -> {
                String secret = variable.path("valueFrom").path("secretKeyRef").path("name").asText();
                if (!secret.isEmpty()) {
                    assertThat(OPERATOR_SECRETS.contains(secret) || kafkaUsers.contains(secret))
                            .as(what + ": Secret " + secret + " is the operator's or a KafkaUser's").isTrue();
                }
            });
            assertThat(kit.settingsOf(workload)).as(what + " takes its settings from a rendered ConfigMap").isNotEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void theSettingsAreDeclaredByTheirServiceAndPointAtWhatIsMounted(String overlay) throws Exception {
        RenderedKit kit = RenderedKit.render(overlay);

        for (Workload service : Workload.all()) {
            JsonNode workload = kit.workloads().stream().filter(object -> name(object).equals("fleetdiag-" + service.name())).findFirst().orElseThrow();
            Set<String> declared = service.definitions().stream().flatMap(definition -> definition.settings().stream())
                    .map(setting -> ServiceConfig.environmentName(setting.key())).collect(Collectors.toSet());
            Map<String, String> settings = kit.settingsOf(workload);
            settings.keySet().forEach(key -> assertThat(declared.contains(key) || key.startsWith("FLEETDIAG_KAFKA_"))
                    .as(overlay + " " + service.name() + ": " + key + " is a setting it declares").isTrue());
            settings.forEach((key, value) -> {
                if (key.endsWith("_FILE") || key.endsWith("_DIR")) {
                    assertThat(mountedAt(workload, value)).as(overlay + " " + service.name() + ": " + key + " " + value
                            + " lies in a mounted volume (and is an item of its Secret)").isTrue();
                }
            });
        }
        assertThat(kit.settingsOf(kit.get("StatefulSet", "fleetdiag-processor")))
                .containsEntry("FLEETDIAG_PROCESSOR_STANDBY_REPLICAS", overlay.equals("production") ? "1" : "0");
        assertThat(kit.settingsOf(kit.get("Deployment", "fleetdiag-poller"))).containsKey("FLEETDIAG_POLLER_SCOPES");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void servicesBudgetsAndPoliciesSelectPodsThatExistOnPortsTheyName(String overlay) throws Exception {
        RenderedKit kit = RenderedKit.render(overlay);
        List<JsonNode> pods = kit.workloads().stream().map(workload -> workload.path("spec").path("template").path("metadata").path("labels")).toList();

        for (JsonNode service : kit.ofKind("Service")) {
            JsonNode selector = service.path("spec").path("selector");
            List<JsonNode> selected = kit.workloads().stream()
                    .filter(workload -> labelsMatch(selector, workload.path("spec").path("template").path("metadata").path("labels"))).toList();
            assertThat(selected).as(overlay + " Service " + name(service) + " selects pods").isNotEmpty();
            service.path("spec").path("ports").forEach(port -> assertThat(selected).as(overlay + " Service " + name(service)
                    + " targets a port its pods name").allMatch(workload -> containerPort(workload, port.path("targetPort").asText()).isPresent()));
        }
        JsonNode processor = kit.get("StatefulSet", "fleetdiag-processor");
        JsonNode headless = kit.get("Service", processor.path("spec").path("serviceName").asText());
        assertThat(headless.path("spec").path("clusterIP").asText()).isEqualTo("None");
        JsonNode budget = kit.get("PodDisruptionBudget", "fleetdiag-processor");
        assertThat(labelsMatch(budget.path("spec").path("selector").path("matchLabels"),
                processor.path("spec").path("template").path("metadata").path("labels"))).isTrue();
        for (JsonNode policy : kit.ofKind("NetworkPolicy")) {
            JsonNode selector = policy.path("spec").path("podSelector");
            boolean selects = selector.has("matchLabels") ? pods.stream().anyMatch(labels -> labelsMatch(selector.path("matchLabels"), labels))
                    : StreamSupport.stream(selector.path("matchExpressions").path(0).path("values").spliterator(), false)
                    .allMatch(value -> kit.find("Deployment", value.asText()).or(() -> kit.find("StatefulSet", value.asText())).isPresent());
            assertThat(selects).as(overlay + " NetworkPolicy " + name(policy) + " selects fleetdiag pods").isTrue();
            assertThat(policy.path("spec").path("policyTypes").isArray()).isTrue();
        }
        assertThat(kit.get("NetworkPolicy", "fleetdiag-default-deny").path("spec").has("ingress")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyCatalogueTopicIsAKafkaTopicAndEveryServiceAKafkaUser(String overlay) throws Exception {
        RenderedKit kit = RenderedKit.render(overlay);
        int replicas = overlay.equals("dev") ? 1 : 3;

        assertThat(kit.ofKind("KafkaTopic").stream().map(topic -> topic.path("spec").path("topicName").asText()))
                .containsExactlyInAnyOrderElementsOf(DeployKit.catalog().everyTopic().stream().map(Topic::name).toList());
        for (JsonNode topic : kit.ofKind("KafkaTopic")) {
            assertThat(topic.path("spec").path("replicas").asInt()).as(name(topic)).isEqualTo(replicas);
            assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo(StrimziResources.CLUSTER);
            assertThat(topic.path("spec").path("config").path("cleanup.policy").asText()).isIn("delete", "compact");
        }
        for (Workload service : Workload.all()) {
            assertThat(kit.find("KafkaUser", service.kafkaUser())).as(overlay + " " + service.kafkaUser()).isPresent();
        }
        assertThat(kit.find("KafkaUser", "fleetdiag-lake")).isPresent();
    }

    @Test
    void productionRunsThreeProcessorsOnSeparateNodesWithinThePartitions() throws Exception {
        RenderedKit kit = RenderedKit.render("production");
        JsonNode processor = kit.get("StatefulSet", "fleetdiag-processor");

        int instances = processor.path("spec").path("replicas").asInt();
        assertThat(instances).isEqualTo(3);
        assertThat(processor.path("spec").path("template").path("spec").path("affinity").path("podAntiAffinity")
                .path("requiredDuringSchedulingIgnoredDuringExecution").path(0).path("topologyKey").asText()).isEqualTo("kubernetes.io/hostname");
        JsonNode results = kit.ofKind("KafkaTopic").stream()
                .filter(topic -> topic.path("spec").path("topicName").asText().equals(DeployKit.catalog().results().name())).findFirst().orElseThrow();
        assertThat(results.path("spec").path("partitions").asInt()).isEqualTo(12).isGreaterThanOrEqualTo(instances);
        assertThat(kit.settingsOf(processor)).containsEntry("FLEETDIAG_TOPICS_PARTITIONS", "12");
        assertThat(kit.get("Deployment", "fleetdiag-poller").path("spec").path("replicas").asInt()).isEqualTo(2);
    }

    private static long mebibytes(String quantity) {
        var matcher = MEMORY.matcher(quantity);
        assertThat(matcher.matches()).as("a memory quantity in Mi or Gi: " + quantity).isTrue();
        return Long.parseLong(matcher.group(1)) * (matcher.group(2).equals("Gi") ? 1024 : 1);
    }
}
