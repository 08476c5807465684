package io.fleetdiag.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One ACL of a Strimzi {@code KafkaUser}: a resource (literal or prefixed) and the operations allowed on it.
 *
 * @param type topic, group, transactionalId or cluster
 */
public record KafkaAcl(String type, String name, boolean prefixed, List<String> operations) {

    private static final Set<String> TYPES = Set.of("topic", "group", "transactionalId", "cluster");

    public KafkaAcl {
        Objects.requireNonNull(name, "name");
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("Not a Kafka resource type: " + type);
        }
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("An ACL on " + type + " " + name + " needs operations");
        }
        operations = List.copyOf(operations);
    }

    public static KafkaAcl topic(String name, String... operations) {
        return new KafkaAcl("topic", name, false, List.of(operations));
    }

    public static KafkaAcl group(String name, String... operations) {
        return new KafkaAcl("group", name, false, List.of(operations));
    }

    public static KafkaAcl transactionalId(String name) {
        return new KafkaAcl("transactionalId", name, false, List.of("Describe", "Write"));
    }

    public KafkaAcl asPrefix() {
        return new KafkaAcl(type, name, true, operations);
    }

    /** As Strimzi's {@code spec.authorization.acls[]} item. */
    public Map<String, Object> strimzi() {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("type", type);
        resource.put("name", name);
        resource.put("patternType", prefixed ? "prefix" : "literal");
        Map<String, Object> acl = new LinkedHashMap<>();
        acl.put("resource", resource);
        acl.put("operations", operations);
        acl.put("host", "*");
        return acl;
    }
}
