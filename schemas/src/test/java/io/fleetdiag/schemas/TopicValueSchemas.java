package io.fleetdiag.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/** The schemas of the topic values: one per .avsc file at the top of src/main/avro, as generated. */
final class TopicValueSchemas {

    static final Path SOURCES = Paths.get("src", "main", "avro");

    private TopicValueSchemas() {
    }

    static List<Schema> all() {
        try (Stream<Path> files = Files.list(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".avsc"))
                    .map(file -> file.getFileName().toString().replace(".avsc", ""))
                    .sorted()
                    .map(TopicValueSchemas::generated)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema generated(String name) {
        try {
            return SpecificData.get().getSchema(Class.forName("io.fleetdiag.schemas." + name));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("No generated class for " + name + ".avsc", e);
        }
    }
}
