package io.fleetdiag.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Schemas evolve BACKWARD-compatibly. Every released version of a topic value schema is kept under
 * {@code schemas/history/<Record>/v<N>.avsc}; the current schema must read data written with each of
 * them, and a change must be recorded as a new version so the next change is checked against it:
 * {@code mvn -pl schemas test -Dfleetdiag.schemas.record=true}.
 */
class SchemaEvolutionTest {

    private static final Path HISTORY = Paths.get("history");
    private static final boolean RECORD = Boolean.getBoolean("fleetdiag.schemas.record");

    @TestFactory
    Stream<DynamicTest> everyTopicValueSchemaReadsEveryReleasedVersion() {
        return TopicValueSchemas.all().stream().map(current -> DynamicTest.dynamicTest(current.getName(), () -> {
            List<Path> versions = releasedVersions(current.getName());
            if (versions.isEmpty() && RECORD) {
                record(current, 1);
                return;
            }
            assertThat(versions).as("released versions of %s under %s (record the first with -Dfleetdiag.schemas.record=true)",
                    current.getName(), HISTORY).isNotEmpty();
            for (Path version : versions) {
                assertThat(BackwardCompatibility.problems(current, parse(version)))
                        .as("%s must read data written with %s", current.getName(), version).isEmpty();
            }
            Path latest = versions.get(versions.size() - 1);
            if (!parse(latest).equals(current)) {
                if (RECORD) {
                    record(current, versions.size() + 1);
                } else {
                    throw new AssertionError(current.getName() + " differs from its latest released version " + latest
                            + ". It is BACKWARD-compatible with every released version; record it as the next one with:"
                            + " mvn -pl schemas test -Dfleetdiag.schemas.record=true");
                }
            }
        }));
    }

    @Test
    void aRequiredFieldWithoutDefaultIsRefused() {
        Schema released = DiagnosisCheckRequest.getClassSchema();
        Schema changed = new Schema.Parser().parse(released.toString().replaceFirst(
                "\\{\"name\":\"requestId\"", "{\"name\":\"priority\",\"type\":\"int\"},{\"name\":\"requestId\""));

        assertThat(BackwardCompatibility.problems(changed, released))
                .singleElement().asString().contains("READER_FIELD_MISSING_DEFAULT").contains("priority");
    }

    @Test
    void aChangedFieldTypeIsRefusedAndAnOptionalFieldWithDefaultIsAccepted() {
        Schema released = ConnectivitySnapshot.getClassSchema();
        Schema retyped = new Schema.Parser().parse(released.toString().replace(
                "{\"name\":\"pollDurationMs\",\"type\":\"long\"", "{\"name\":\"pollDurationMs\",\"type\":\"string\""));
        Schema extended = new Schema.Parser().parse(released.toString().replaceFirst(
                "\\{\"name\":\"snapshotId\"", "{\"name\":\"region\",\"type\":[\"null\",\"string\"],\"default\":null},{\"name\":\"snapshotId\""));

        assertThat(BackwardCompatibility.problems(retyped, released)).isNotEmpty();
        assertThat(BackwardCompatibility.problems(extended, released)).isEmpty();
    }

    private static List<Path> releasedVersions(String record) throws IOException {
        Path dir = HISTORY.resolve(record);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().matches("v\\d+\\.avsc"))
                    .sorted(Comparator.comparingInt(SchemaEvolutionTest::versionNumber))
                    .toList();
        }
    }

    private static int versionNumber(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.length() - ".avsc".length()));
    }

    private static Schema parse(Path file) throws IOException {
        return new Schema.Parser().parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static void record(Schema current, int version) throws IOException {
        Path file = HISTORY.resolve(current.getName()).resolve("v" + version + ".avsc");
        Files.createDirectories(file.getParent());
        Files.writeString(file, current.toString(true) + System.lineSeparator(), StandardCharsets.UTF_8);
    }
}
