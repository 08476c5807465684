package io.fleetdiag.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * The conventions the foundation issue sets for every schema, checked over all named types reachable
 * from the topic values: documented fields, enums that decode unknown symbols, optional fields as a
 * null-first union defaulting to null, timestamps as timestamp-millis, one namespace.
 */
class SchemaConventionsTest {

    @Test
    void everySchemaFollowsTheConventions() {
        List<String> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Schema schema : TopicValueSchemas.all()) {
            check(schema, violations, seen);
        }
        assertThat(seen).contains("io.fleetdiag.schemas.DiagnosisResult", "io.fleetdiag.schemas.AttestationStatus");
        assertThat(violations).isEmpty();
    }

    @Test
    void thereIsOneValueSchemaPerTopicOfTheDesign() {
        assertThat(TopicValueSchemas.all()).extracting(Schema::getName).containsExactlyInAnyOrder(
                "ConnectivitySnapshot", "DiagnosisCheckRequest", "DiagnosisResult", "TerminalState",
                "StoreHealth", "TerminalAlert", "DeadLetter", "AlertOperation");
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
