package io.fleetdiag.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A group of declared settings, as Kafka's {@code ConfigDef}: each with key, type, default, doc and check.
 * From it come a service's defaults, the start-up check (a wrong value stops the start with one line
 * naming the setting), the start-up listing with secrets masked, and the tables of docs/configuration.md.
 * Built once into a constant: the {@code define} methods add to this definition and return it.
 */
public final class SettingsDefinition {

    private final String title;
    private final Map<String, Setting> settings = new LinkedHashMap<>();

    private SettingsDefinition(String title) {
        this.title = title;
    }

    /** @param title what the group is about, the heading of its table */
    public static SettingsDefinition named(String title) {
        return new SettingsDefinition(title);
    }

    public SettingsDefinition define(String key, SettingType type, String defaultValue, String doc) {
        return define(key, type, defaultValue, SettingCheck.NONE, doc);
    }

    public SettingsDefinition define(String key, SettingType type, String defaultValue, SettingCheck check, String doc) {
        return add(new Setting(key, type, defaultValue, null, check, doc));
    }

    public SettingsDefinition define(SettingKey<?> key, String defaultValue, String doc) {
        return define(key.name(), key.type(), defaultValue, doc);
    }

    public SettingsDefinition define(SettingKey<?> key, String defaultValue, SettingCheck check, String doc) {
        return define(key.name(), key.type(), defaultValue, check, doc);
    }

    /** A setting whose default depends on the machine (a temporary directory): the docs show {@code documented}. */
    public SettingsDefinition defineMachineDefault(String key, SettingType type, String defaultValue, String documented, String doc) {
        return add(new Setting(key, type, defaultValue, documented, SettingCheck.NONE, doc));
    }

    public SettingsDefinition defineMachineDefault(SettingKey<?> key, String defaultValue, String documented, String doc) {
        return defineMachineDefault(key.name(), key.type(), defaultValue, documented, doc);
    }

    /** A setting without a default: absent unless the file or the environment gives it. */
    public SettingsDefinition optional(String key, SettingType type, String doc) {
        return add(new Setting(key, type, null, null, SettingCheck.NONE, doc));
    }

    /** An optional {@link SettingType#SECRET} setting: its value is never shown. */
    public SettingsDefinition secret(String key, String doc) {
        return optional(key, SettingType.SECRET, doc);
    }

    private SettingsDefinition add(Setting setting) {
        if (settings.putIfAbsent(setting.key(), setting) != null) {
            throw new IllegalArgumentException("Setting " + setting.key() + " is defined twice in " + title);
        }
        return this;
    }

    public String title() {
        return title;
    }

    public List<Setting> settings() {
        return List.copyOf(settings.values());
    }

    /** The defaults, what {@link ServiceConfig#load} starts from; settings without one are left out. */
    public Map<String, String> defaults() {
        Map<String, String> defaults = new HashMap<>();
        settings.values().stream().filter(setting -> setting.defaultValue() != null)
                .forEach(setting -> defaults.put(setting.key(), setting.defaultValue()));
        return defaults;
    }

    /** Every given setting read as its type and checked; the first wrong one throws a {@link ConfigurationException}. */
    public void validate(ServiceConfig config) {
        settings.values().forEach(setting -> setting.validate(config));
    }

    public static Map<String, String> defaults(Collection<SettingsDefinition> definitions) {
        Map<String, String> merged = new HashMap<>();
        definitions.forEach(definition -> merged.putAll(definition.defaults()));
        return merged;
    }

    /** Every declared key, those without a default included. */
    public static Set<String> keys(Collection<SettingsDefinition> definitions) {
        Set<String> keys = new HashSet<>();
        definitions.forEach(definition -> keys.addAll(definition.settings.keySet()));
        return keys;
    }

    public static void validate(Collection<SettingsDefinition> definitions, ServiceConfig config) {
        definitions.forEach(definition -> definition.validate(config));
    }

    /**
     * The start-up line: every value, masked by type, not by name: declared {@link SettingType#SECRET} settings, and
     * {@code kafka.*} settings the Kafka clients type as passwords ({@code kafka.ssl.keystore.key},
     * {@code kafka.sasl.jaas.config}, ...). Only a key no one declares or types is masked by what its name looks like.
     */
    public static String listing(Collection<SettingsDefinition> definitions, ServiceConfig config) {
        Map<String, String> shown = new TreeMap<>();
        config.asMap().forEach((key, value) -> shown.put(key, isSecret(definitions, key) ? "****" : value));
        return shown.toString();
    }

    private static boolean isSecret(Collection<SettingsDefinition> definitions, String key) {
        Optional<Setting> declared = definitions.stream().map(definition -> definition.settings.get(key)).filter(Objects::nonNull).findFirst();
        if (declared.isPresent()) {
            return declared.get().secret();
        }
        Optional<Boolean> kafkaPassword = KafkaPasswords.typed(key);
        return kafkaPassword.orElseGet(() -> ServiceConfig.looksSecret(key));
    }

    /** This group's table for docs/configuration.md. */
    public String markdownTable() {
        List<String> lines = new ArrayList<>();
        lines.add("| setting | environment | default | value | meaning |");
        lines.add("|---|---|---|---|---|");
        for (Setting setting : settings.values()) {
            String value = setting.type().description() + (setting.check().description().isEmpty() ? "" : ", " + setting.check().description());
            lines.add("| `" + setting.key() + "` | `" + ServiceConfig.environmentName(setting.key()) + "` | "
                    + setting.defaultText().map(text -> text.isEmpty() ? "(empty)" : "`" + text + "`").orElse("-") + " | "
                    + cell(value) + " | " + cell(setting.doc()) + " |");
        }
        return String.join("\n", lines) + "\n";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
