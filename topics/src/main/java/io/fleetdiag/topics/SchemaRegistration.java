package io.fleetdiag.topics;

import io.fleetdiag.serde.CompatibilityLevel;
import io.fleetdiag.serde.SchemaRegistryClient;
import io.fleetdiag.serde.SchemaRegistryException;
import io.fleetdiag.serde.Subjects;
import java.util.Collection;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/**
 * Registers the value schema of each topic under its subject with BACKWARD compatibility, so a
 * service whose schema does not fit what the topic already holds stops at start-up, not mid-stream.
 */
public final class SchemaRegistration {

    private SchemaRegistration() {
    }

    public static void registerValueSchemas(SchemaRegistryClient registry, Collection<? extends Topic<?, ?>> topics) {
        for (Topic<?, ?> topic : topics) {
            String subject = Subjects.topicName(topic.name(), false);
            Schema schema = SpecificData.get().getSchema(topic.valueType());
            try {
                registry.setCompatibility(subject, CompatibilityLevel.BACKWARD);
                registry.register(subject, schema);
            } catch (SchemaRegistryException e) {
                // Apicurio keeps no configuration for a subject that does not exist yet; the first
                // version has nothing to be compatible with, so register it and then set the rule.
                if (e.httpStatus() != 404) {
                    throw e;
                }
                registry.register(subject, schema);
                registry.setCompatibility(subject, CompatibilityLevel.BACKWARD);
            }
        }
    }
}
