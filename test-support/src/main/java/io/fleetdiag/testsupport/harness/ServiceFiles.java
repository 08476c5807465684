package io.fleetdiag.testsupport.harness;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/** The properties file a service started as its own process reads. */
public final class ServiceFiles {

    private ServiceFiles() {
    }

    public static Path write(Path file, Map<String, String> settings) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Properties properties = new Properties();
        properties.putAll(settings);
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, "written by a fleetdiag harness");
        }
        return file;
    }
}
