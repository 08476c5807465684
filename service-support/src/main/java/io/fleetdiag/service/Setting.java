package io.fleetdiag.service;

import java.util.Objects;
import java.util.Optional;

/**
 * One declared setting: what {@link SettingsDefinition} validates, lists at start-up and documents.
 *
 * @param defaultValue      the value when nothing overrides it; null when the setting is optional and has none
 * @param documentedDefault how docs/configuration.md shows the default, when the value depends on the machine
 */
public record Setting(String key, SettingType type, String defaultValue, String documentedDefault, SettingCheck check,
                      String doc) {

    public Setting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(doc, "doc");
    }

    /** Never shown: the start-up listing masks it. */
    public boolean secret() {
        return type == SettingType.SECRET;
    }

    public Optional<String> defaultText() {
        return Optional.ofNullable(documentedDefault != null ? documentedDefault : defaultValue);
    }

    /** A {@link ConfigurationException} that names the setting and the rule when the value is wrong; absent values pass. */
    void validate(ServiceConfig config) {
        if (config.find(key).isEmpty()) {
            return;
        }
        Object value = type.read(config, key);
        check.problem().apply(value).ifPresent(rule -> {
            throw new ConfigurationException("Setting '" + key + "' (" + ServiceConfig.environmentName(key) + ") must be " + rule
                    + ", not '" + config.get(key) + "'");
        });
    }
}
