package io.fleetdiag.service;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * A service's settings: its defaults, overridden by a properties file, overridden by the environment.
 * A setting {@code a.b-c} is overridden by {@code FLEETDIAG_A_B_C}; Kafka client settings are every
 * {@code kafka.*} key (e.g. {@code kafka.security.protocol}, from {@code FLEETDIAG_KAFKA_SECURITY_PROTOCOL}),
 * passed to the clients without the prefix, so TLS and SASL need no code.
 */
public final class ServiceConfig {

    private static final String ENV_PREFIX = "FLEETDIAG_";
    static final String KAFKA_PREFIX = "kafka.";

    private final Map<String, String> values;

    private ServiceConfig(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    public static ServiceConfig of(Map<String, String> values) {
        return new ServiceConfig(values);
    }

    public static ServiceConfig load(Map<String, String> defaults, Optional<Path> file, Map<String, String> environment) {
        return load(defaults, Set.of(), file, environment);
    }

    /** @param optional settings without a default that the environment may still give */
    public static ServiceConfig load(Map<String, String> defaults, Set<String> optional, Optional<Path> file,
                                     Map<String, String> environment) {
        Map<String, String> values = new HashMap<>(defaults);
        file.ifPresent(path -> values.putAll(readProperties(path)));
        Set<String> keys = new HashSet<>(values.keySet());
        keys.addAll(optional);
        for (String key : keys) {
            String fromEnvironment = environment.get(environmentName(key));
            if (fromEnvironment != null) {
                values.put(key, fromEnvironment);
            }
        }
        environment.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX + "KAFKA_")) {
                values.putIfAbsent(name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return new ServiceConfig(values);
    }

    /** The environment variable that overrides a setting. */
    public static String environmentName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Map<String, String> readProperties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read the configuration file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> values = new HashMap<>();
        properties.forEach((key, value) -> values.put(key.toString(), value.toString().trim()));
        return values;
    }

    public ServiceConfig with(String key, String value) {
        Map<String, String> copy = new HashMap<>(values);
        copy.put(key, value);
        return new ServiceConfig(copy);
    }

    public ServiceConfig withAll(Map<String, String> overrides) {
        Map<String, String> copy = new HashMap<>(values);
        copy.putAll(overrides);
        return new ServiceConfig(copy);
    }

    public Optional<String> find(String key) {
        return Optional.ofNullable(values.get(key)).filter(value -> !value.isBlank());
    }

    public String get(String key) {
        return find(key).orElseThrow(() -> new ConfigurationException(
                "Missing setting '" + key + "' (or environment variable " + environmentName(key) + ")"));
    }

    public int intValue(String key) {
        String value = get(key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ConfigurationException("Setting '" + key + "' must be a whole number, not '" + value + "'", e);
        }
    }

    public double doubleValue(String key) {
        String value = get(key);
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new ConfigurationException("Setting '" + key + "' must be a number, not '" + value + "'", e);
        }
    }

    public boolean bool(String key) {
        String value = get(key);
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new ConfigurationException("Setting '" + key + "' must be true or false, not '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    /** A duration as {@code 500ms}, {@code 30s}, {@code 15m}, {@code 2h}, {@code 1d} or ISO-8601 ({@code PT30S}). */
    public Duration duration(String key) {
        String value = get(key);
        try {
            return parseDuration(value);
        } catch (RuntimeException e) {
            throw new ConfigurationException("Setting '" + key + "' must be a duration like 500ms, 30s, 15m, 2h or PT30S, not '"
                    + value + "'", e);
        }
    }

    static Duration parseDuration(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.startsWith("p")) {
            try {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(e);
            }
        }
        int split = 0;
        while (split < value.length() && (Character.isDigit(value.charAt(split)) || value.charAt(split) == '.')) {
            split++;
        }
        double amount = Double.parseDouble(value.substring(0, split));
        long millis = switch (value.substring(split).trim()) {
            case "ms" -> Math.round(amount);
            case "s" -> Math.round(amount * 1_000);
            case "m", "min" -> Math.round(amount * 60_000);
            case "h" -> Math.round(amount * 3_600_000);
            case "d" -> Math.round(amount * 86_400_000);
            default -> throw new IllegalArgumentException("unknown unit");
        };
        return Duration.ofMillis(millis);
    }

    /** A comma-separated list; empty when the setting is absent. */
    public List<String> list(String key) {
        return find(key).map(value -> Arrays.stream(value.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList())
                .orElse(List.of());
    }

    /** Every {@code kafka.*} setting without the prefix: what the Kafka clients take. */
    public Map<String, Object> kafka() {
        Map<String, Object> kafka = new HashMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(KAFKA_PREFIX)) {
                kafka.put(key.substring(KAFKA_PREFIX.length()), value);
            }
        });
        return kafka;
    }

    public Map<String, String> asMap() {
        return values;
    }

    /** The settings with anything that looks secret masked, for a start-up log line. */
    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>();
        values.forEach((key, value) -> shown.put(key, looksSecret(key) ? "****" : value));
        return shown.toString();
    }

    static boolean looksSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.contains("password") || lower.contains("secret") || lower.contains("jaas") || lower.contains("token")
                || lower.contains("user.info") || lower.contains("api-key") || lower.contains("apikey");
    }
}
