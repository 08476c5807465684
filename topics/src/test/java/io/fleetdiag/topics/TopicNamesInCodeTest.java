package io.fleetdiag.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No topic name is spelled out in the main code of any module: code reaches a topic through the
 * catalogue, so renaming or prefixing a topic cannot miss a place. Reads the sources of the whole
 * repository, from this module's directory (where Maven runs its tests).
 */
class TopicNamesInCodeTest {

    private static final Path REPOSITORY = Paths.get("..");
    private static final Path CATALOGUE = Paths.get("topics", "src", "main", "java", "io", "fleetdiag", "topics", "TopicNames.java");

    @Test
    void onlyTheCatalogueNamesTopics() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(REPOSITORY)) {
            List<Path> sources = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> REPOSITORY.relativize(file).toString().contains(Paths.get("src", "main").toString()))
                    .filter(file -> !REPOSITORY.relativize(file).normalize().equals(CATALOGUE))
                    .toList();
            assertThat(sources).as("main sources of the repository").hasSizeGreaterThan(50);
            for (Path source : sources) {
                String text = Files.readString(source);
                for (String name : TopicNames.defaults().byDefaultName().keySet()) {
                    if (text.contains("\"" + name + "\"")) {
                        found.add(REPOSITORY.relativize(source) + ": \"" + name + "\"");
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
