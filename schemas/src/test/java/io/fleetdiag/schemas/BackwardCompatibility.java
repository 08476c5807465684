package io.fleetdiag.schemas;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/** BACKWARD compatibility as the registry applies it: the new schema must read data written with the old one. */
final class BackwardCompatibility {

    private BackwardCompatibility() {
    }

    /** Why {@code current} cannot read what {@code released} wrote; empty when it can. */
    static List<String> problems(Schema current, Schema released) {
        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(current, released);
        return result.getResult().getIncompatibilities().stream()
                .map(problem -> problem.getType() + " at " + problem.getLocation() + ": " + problem.getMessage())
                .toList();
    }
}
