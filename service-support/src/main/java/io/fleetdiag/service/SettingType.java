package io.fleetdiag.service;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * What a setting's text means. Reading goes through {@link ServiceConfig}'s typed getters, so a start-up
 * check and a later read give the same one-line error.
 */
public enum SettingType {
    STRING("text"),
    INT("whole number"),
    DOUBLE("number"),
    BOOLEAN("`true` or `false`"),
    DURATION("duration"),
    LIST("comma-separated list"),
    URL("`http://` or `https://` URL"),
    PATH("file path"),
    /** A password, key or credential: read as text, never shown (the start-up listing masks it by this type, whatever its name). */
    SECRET("secret, never shown");

    private final String description;

    SettingType(String description) {
        this.description = description;
    }

    /** For the settings tables of docs/configuration.md. */
    public String description() {
        return description;
    }

    /** The setting's value as this type; a {@link ConfigurationException} naming the setting when it is not one. */
    public Object read(ServiceConfig config, String key) {
        return switch (this) {
            case STRING, PATH, SECRET -> config.get(key);
            case INT -> config.intValue(key);
            case DOUBLE -> config.doubleValue(key);
            case BOOLEAN -> config.bool(key);
            case DURATION -> config.duration(key);
            case LIST -> config.list(key);
            case URL -> url(key, config.get(key));
        };
    }

    private static URI url(String key, String value) {
        try {
            URI uri = new URI(value);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new URISyntaxException(value, "not an http(s) URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigurationException("Setting '" + key + "' must be an http:// or https:// URL, not '" + value + "'", e);
        }
    }
}
