package io.fleetdiag.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.serde.RegistryClientConfig;
import io.fleetdiag.serde.SchemaRegistryClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * The conventions every schema follows, checked over all named types reachable from the values of the
 * catalogue's topics: documented fields, enums that decode unknown symbols, optional fields as a
 * null-first union defaulting to null, timestamps as timestamp-millis, one namespace. The list of
 * schemas comes from the catalogue, so a new topic is checked without touching this test.
 */
class SchemaConventionsTest {

    // the registry is never called: serdes reach it on first use only
    private static final TopicCatalog CATALOG = TopicCatalog.create(TopicNames.defaults(),
            new SchemaRegistryClient(RegistryClientConfig.of("http://localhost:9")));

    private static List<Schema> topicValueSchemas() {
        return CATALOG.all().stream().map(topic -> SpecificData.get().getSchema(topic.valueType())).distinct().toList();
    }

    @Test
    void everySchemaFollowsTheConventions() {
        List<String> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Schema schema : topicValueSchemas()) {
            check(schema, violations, seen);
        }
        assertThat(seen).contains("io.fleetdiag.schemas.DiagnosisResult", "io.fleetdiag.schemas.AttestationStatus");
        assertThat(violations).isEmpty();
    }

    @Test
    void thereIsOneValueSchemaPerTopicOfTheDesign() {
        assertThat(topicValueSchemas()).extracting(Schema::getName).containsExactlyInAnyOrder(
                "ConnectivitySnapshot", "DiagnosisCheckRequest", "DiagnosisResult", "TerminalState",
                "StoreHealth", "TerminalAlert", "DeadLetter", "TerminalInventory", "AlertOperation", "TerminalEvent",
                "TerminalAction");
    }

    @Test
    void everyTopicCarriesAnAvroRecordOrIsOneOfThePollersPrivateOnes() {
        for (Topic<String, ?> topic : CATALOG.everyTopic()) {
            boolean record = SpecificRecord.class.isAssignableFrom(topic.valueType());
            assertThat(record || CATALOG.poller().contains(topic)).as(topic.name()).isTrue();
        }
        assertThat(CATALOG.everyTopic()).extracting(Topic::name)
                .containsExactlyInAnyOrderElementsOf(TopicNames.defaults().byDefaultName().values());
    }

    private static void check(Schema schema, List<String> violations, Set<String> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (!seen.add(schema.getFullName())) {
                    return;
                }
                checkNamespace(schema, violations);
                for (Schema.Field field : schema.getFields()) {
                    checkField(schema, field, violations);
                    check(field.schema(), violations, seen);
                }
            }
            case ENUM -> {
                if (seen.add(schema.getFullName())) {
                    checkNamespace(schema, violations);
                    if (schema.getEnumDefault() == null) {
                        violations.add(schema.getFullName() + ": enum without a default symbol cannot decode newer symbols");
                    }
                }
            }
            case UNION -> schema.getTypes().forEach(branch -> check(branch, violations, seen));
            case ARRAY -> check(schema.getElementType(), violations, seen);
            case MAP -> check(schema.getValueType(), violations, seen);
            default -> {
            }
        }
    }

    private static void checkNamespace(Schema schema, List<String> violations) {
        if (!"io.fleetdiag.schemas".equals(schema.getNamespace())) {
            violations.add(schema.getFullName() + ": namespace must be io.fleetdiag.schemas");
        }
    }

    private static void checkField(Schema record, Schema.Field field, List<String> violations) {
        String where = record.getName() + "." + field.name();
        if (field.doc() == null || field.doc().isBlank()) {
            violations.add(where + ": no doc");
        }
        Schema type = field.schema();
        if (type.getType() == Schema.Type.UNION && type.getTypes().stream().anyMatch(t -> t.getType() == Schema.Type.NULL)) {
            if (type.getTypes().get(0).getType() != Schema.Type.NULL || field.defaultVal() != JsonProperties.NULL_VALUE) {
                violations.add(where + ": an optional field must be [\"null\", ...] with default null");
            }
            type = type.getTypes().get(1);
        }
        boolean namedLikeATime = field.name().endsWith("At") || field.name().equals("deadline")
                || field.name().equals("notBefore") || field.name().equals("sdkExpiry");
        if (namedLikeATime && !(type.getType() == Schema.Type.LONG && type.getLogicalType() instanceof LogicalTypes.TimestampMillis)) {
            violations.add(where + ": a point in time must be a long with logicalType timestamp-millis");
        }
    }
}
