package io.fleetdiag.service;

import java.time.Duration;
import java.util.Objects;

/**
 * A setting's name with the type its value is read as, so a service writes each name once: the constant
 * is what its {@link SettingsDefinition} declares and what its code reads.
 */
public record SettingKey<T>(String name, SettingType type, Class<T> valueType) {

    public SettingKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(valueType, "valueType");
    }

    public static SettingKey<String> text(String name) {
        return new SettingKey<>(name, SettingType.STRING, String.class);
    }

    public static SettingKey<String> path(String name) {
        return new SettingKey<>(name, SettingType.PATH, String.class);
    }

    /** A password or credential, masked in the start-up listing. */
    public static SettingKey<String> secret(String name) {
        return new SettingKey<>(name, SettingType.SECRET, String.class);
    }

    public static SettingKey<Integer> wholeNumber(String name) {
        return new SettingKey<>(name, SettingType.INT, Integer.class);
    }

    public static SettingKey<Double> number(String name) {
        return new SettingKey<>(name, SettingType.DOUBLE, Double.class);
    }

    public static SettingKey<Duration> duration(String name) {
        return new SettingKey<>(name, SettingType.DURATION, Duration.class);
    }

    /** The value in {@code config}; a {@link ConfigurationException} naming the setting when it is missing or not of the type. */
    public T read(ServiceConfig config) {
        return valueType.cast(type.read(config, name));
    }
}
