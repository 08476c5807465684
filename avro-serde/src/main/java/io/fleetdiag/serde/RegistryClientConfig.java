package io.fleetdiag.serde;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** How to reach a schema registry that speaks the Confluent REST protocol. */
public record RegistryClientConfig(URI baseUrl, Duration requestTimeout, int maxAttempts, Optional<String> basicAuthUserInfo) {

    public RegistryClientConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(basicAuthUserInfo, "basicAuthUserInfo");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        String url = baseUrl.toString();
        if (url.endsWith("/")) {
            baseUrl = URI.create(url.substring(0, url.length() - 1));
        }
    }

    public static RegistryClientConfig of(String baseUrl) {
        return new RegistryClientConfig(URI.create(baseUrl), Duration.ofSeconds(10), 3, Optional.empty());
    }

    /** Reads the {@link SerdeConfig} keys from a Kafka-style configuration map. */
    public static RegistryClientConfig fromConfigs(Map<String, ?> configs) {
        Object url = configs.get(SerdeConfig.SCHEMA_REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new IllegalArgumentException("Missing '" + SerdeConfig.SCHEMA_REGISTRY_URL
                    + "': the base URL of the schema registry's Confluent API is required");
        }
        Object timeout = configs.get(SerdeConfig.REQUEST_TIMEOUT_MS);
        Object attempts = configs.get(SerdeConfig.MAX_ATTEMPTS);
        Object userInfo = configs.get(SerdeConfig.BASIC_AUTH_USER_INFO);
        return new RegistryClientConfig(
                URI.create(url.toString().trim()),
                Duration.ofMillis(timeout == null ? 10_000 : Long.parseLong(timeout.toString())),
                attempts == null ? 3 : Integer.parseInt(attempts.toString()),
                Optional.ofNullable(userInfo).map(Object::toString).filter(s -> !s.isBlank()));
    }
}
