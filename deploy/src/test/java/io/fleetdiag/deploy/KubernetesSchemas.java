package io.fleetdiag.deploy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.SecretVolumeSource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.topic.KafkaTopicSpec;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validates a rendered object against the schema of its kind, as fabric8's Kubernetes model and Strimzi's api model
 * (both generated from the OpenAPI schemas the API server serves) define it, offline. Strict where the models are
 * lenient: a field the schema does not have is an error (the models would keep it as an additional property), as is
 * a value of the wrong type (no "3" for an integer, no 8091 for a string), a malformed quantity, or a missing field
 * the OpenAPI schema lists as required.
 */
final class KubernetesSchemas {

    /** The only Strimzi API both the 0.49 to 0.51 operators and 1.x serve (1.0 dropped v1beta2). */
    static final String STRIMZI_API = "kafka.strimzi.io/v1";

    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "apps/v1/Deployment", Deployment.class,
            "apps/v1/StatefulSet", StatefulSet.class,
            "v1/Service", Service.class,
            "v1/ConfigMap", ConfigMap.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            STRIMZI_API + "/KafkaTopic", KafkaTopic.class,
            STRIMZI_API + "/KafkaUser", KafkaUser.class,
            // what docs/deploy.md shows the operator: the Kafka the kit expects and an Ingress for the events listener
            STRIMZI_API + "/Kafka", Kafka.class,
            "networking.k8s.io/v1/Ingress", Ingress.class);

    /** The OpenAPI schemas' {@code required} lists of the types the kit uses (the models do not carry them). */
    private static final Map<Class<?>, List<String>> REQUIRED = Map.ofEntries(
            Map.entry(DeploymentSpec.class, List.of("selector", "template")),
            Map.entry(StatefulSetSpec.class, List.of("selector", "template")),
            Map.entry(PodSpec.class, List.of("containers")),
            Map.entry(Container.class, List.of("name")),
            Map.entry(ContainerPort.class, List.of("containerPort")),
            Map.entry(EnvVar.class, List.of("name")),
            Map.entry(SecretKeySelector.class, List.of("key")),
            Map.entry(ConfigMapKeySelector.class, List.of("key")),
            Map.entry(Volume.class, List.of("name")),
            Map.entry(VolumeMount.class, List.of("name", "mountPath")),
            Map.entry(SecretVolumeSource.class, List.of("secretName")),
            Map.entry(KeyToPath.class, List.of("key", "path")),
            Map.entry(HTTPGetAction.class, List.of("port")),
            Map.entry(ServicePort.class, List.of("port")),
            Map.entry(PodAffinityTerm.class, List.of("topologyKey")),
            Map.entry(WeightedPodAffinityTerm.class, List.of("weight", "podAffinityTerm")),
            Map.entry(LabelSelectorRequirement.class, List.of("key", "operator")),
            Map.entry(IPBlock.class, List.of("cidr")),
            Map.entry(AclRule.class, List.of("resource", "operations")));

    /** Fields Strimzi's models still carry for v1beta2 but its v1 CRDs do not have (Strimzi 1.x refuses them). */
    private static final Map<Class<?>, List<String>> NOT_IN_STRIMZI_V1 = Map.of(AclRule.class, List.of("operation"));

    private static final ObjectMapper STRICT = strictMapper();

    private KubernetesSchemas() {
    }

    /** @return what is wrong with the object, each with its path; empty when it is valid */
    static List<String> problems(JsonNode object) {
        String kind = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        String what = kind + " " + object.path("metadata").path("name").asText("(no name)");
        Class<? extends HasMetadata> type = KINDS.get(kind);
        if (type == null) {
            return List.of(what + ": not a kind and version the kit validates (" + KINDS.keySet() + ")");
        }
        HasMetadata parsed;
        try {
            parsed = STRICT.treeToValue(object, type);
        } catch (JsonMappingException e) {
            return List.of(what + " at " + e.getPathReference() + ": " + e.getOriginalMessage());
        } catch (Exception e) {
            return List.of(what + ": " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        if (parsed.getMetadata() == null || parsed.getMetadata().getName() == null) {
            problems.add(what + ": metadata.name is required");
        }
        if (parsed instanceof KafkaTopic topic) {
            topicBounds(what, topic.getSpec(), problems);
        }
        walk(parsed, what, problems);
        // apiVersion and kind were checked above; a Strimzi model writes back its own storage version
        kept(((ObjectNode) object).deepCopy().without(List.of("apiVersion", "kind")), STRICT.valueToTree(parsed), what, problems);
        return problems;
    }

    /**
     * Every value of the input survives the parse: a value a model maps to nothing (Strimzi's enums read an unknown
     * name as null, which is then left out) is one the schema does not allow.
     */
    private static void kept(JsonNode input, JsonNode parsed, String path, List<String> problems) {
        if (input.isObject()) {
            input.fields().forEachRemaining(field -> kept(field.getValue(), parsed.path(field.getKey()), path + "." + field.getKey(), problems));
        } else if (input.isArray()) {
            for (int i = 0; i < input.size(); i++) {
                kept(input.get(i), parsed.path(i), path + "[" + i + "]", problems);
            }
        } else if (!input.isNull() && !(input.asText().equals(parsed.asText()) && input.isNumber() == parsed.isNumber())) {
            problems.add(path + ": " + input + " is not a value its schema allows");
        }
    }

    /** Strimzi's KafkaTopic CRD: partitions and replicas at least 1, replicas at most 32767. */
    private static void topicBounds(String what, KafkaTopicSpec spec, List<String> problems) {
        if (spec == null) {
            return;
        }
        if (spec.getPartitions() != null && spec.getPartitions() < 1) {
            problems.add(what + ": spec.partitions must be at least 1");
        }
        if (spec.getReplicas() != null && (spec.getReplicas() < 1 || spec.getReplicas() > Short.MAX_VALUE)) {
            problems.add(what + ": spec.replicas must be within 1 and 32767");
        }
    }

    private static void walk(Object value, String path, List<String> problems) {
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]", problems);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, entry) -> walk(entry, path + "." + key, problems));
        } else if (value instanceof Quantity quantity) {
            try {
                quantity.getNumericalAmount();
            } catch (RuntimeException e) {
                problems.add(path + ": not a quantity: " + quantity);
            }
        } else if (value != null && !(value instanceof Enum<?>)
                && (value.getClass().getName().startsWith("io.fabric8.") || value.getClass().getName().startsWith("io.strimzi."))) {
            for (BeanPropertyDefinition property : properties(value.getClass())) {
                Object field = property.getAccessor().getValue(value);
                if (field == null && REQUIRED.getOrDefault(value.getClass(), List.of()).contains(property.getName())) {
                    problems.add(path + "." + property.getName() + " is required");
                }
                if (field != null && NOT_IN_STRIMZI_V1.getOrDefault(value.getClass(), List.of()).contains(property.getName())) {
                    problems.add(path + "." + property.getName() + " is not in Strimzi's v1 API");
                }
                walk(field, path + "." + property.getName(), problems);
            }
        }
    }

    private static List<BeanPropertyDefinition> properties(Class<?> type) {
        return STRICT.getSerializationConfig().introspect(STRICT.constructType(type)).findProperties().stream()
                .filter(property -> property.getAccessor() != null).toList();
    }

    /**
     * Every model class takes unknown fields into an any-setter map; this introspector sees no any-setter and no
     * "ignore unknown", so an unknown field fails the parse with its path.
     */
    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .annotationIntrospector(new JacksonAnnotationIntrospector() {
                    @Override
                    public Boolean hasAnySetter(Annotated annotated) {
                        return Boolean.FALSE;
                    }

                    /** Written back in full, so that a default the model leaves out still compares with the input. */
                    @Override
                    public JsonInclude.Value findPropertyInclusion(Annotated annotated) {
                        return JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS);
                    }

                    @Override
                    public JsonIgnoreProperties.Value findPropertyIgnoralByName(MapperConfig<?> config, Annotated annotated) {
                        return JsonIgnoreProperties.Value.empty();
                    }
                })
                .build();
        for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }
}
