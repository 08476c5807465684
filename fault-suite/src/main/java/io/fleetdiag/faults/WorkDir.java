package io.fleetdiag.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A run's directory, emptied of what an earlier run left. The schema registry is new on every run, so
 * a broker log or processor state kept from before would hold schema ids it does not know, and old
 * logs would be searched for leaks again.
 */
final class WorkDir {

    private WorkDir() {
    }

    /** Deletes the broker data, the processor state, the settings files and every log but {@code keep}, the suite's own open log. */
    static void clear(Path dir, Path keep) throws IOException {
        for (String left : List.of("kafka", "processor-state", "logs")) {
            deleteBelow(dir.resolve(left), keep.toAbsolutePath());
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(file -> file.getFileName().toString().endsWith(".properties")).toList()) {
                Files.delete(file);
            }
        }
        Files.createDirectories(dir.resolve("logs"));
    }

    private static void deleteBelow(Path root, Path keep) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder())
                    .filter(path -> !path.equals(root) && !path.toAbsolutePath().equals(keep) && !keep.startsWith(path.toAbsolutePath()))
                    .forEach(path -> {
                        try {
                            Files.delete(path);
                        } catch (IOException e) {
                            throw new UncheckedIOException("Cannot clear " + path + " of an earlier run", e);
                        }
                    });
        }
    }
}
