package io.fleetdiag.terminalapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The Adyen API key. It comes from the environment or a file, never from code or a properties file
 * that might be committed, and it never prints: {@link #toString()} is redacted.
 */
public final class ApiKey {

    /** Environment variable holding the key. */
    public static final String ENV = "ADYEN_API_KEY";
    /** Environment variable naming a file that holds the key (e.g. a mounted secret). */
    public static final String FILE_ENV = "ADYEN_API_KEY_FILE";

    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    public static ApiKey of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The Adyen API key is empty");
        }
        return new ApiKey(value.trim());
    }

    /** The key from {@value #ENV}, else from the file named by {@value #FILE_ENV}. */
    public static Optional<ApiKey> fromEnvironment(Map<String, String> environment) {
        String direct = environment.get(ENV);
        if (direct != null && !direct.isBlank()) {
            return Optional.of(of(direct));
        }
        String file = environment.get(FILE_ENV);
        if (file != null && !file.isBlank()) {
            return Optional.of(fromFile(Path.of(file)));
        }
        return Optional.empty();
    }

    public static ApiKey fromFile(Path file) {
        try {
            return of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Adyen API key file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The secret itself, for the X-API-Key header only. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "ApiKey[redacted]";
    }
}
