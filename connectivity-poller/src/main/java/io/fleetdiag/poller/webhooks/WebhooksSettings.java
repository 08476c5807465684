package io.fleetdiag.poller.webhooks;

import io.fleetdiag.service.ConfigurationException;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.service.SettingType;
import io.fleetdiag.service.SettingsDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The Management webhooks' settings: only the HMAC key of the webhook (Customer Area > Developers > Webhooks > Security), from
 * {@code FLEETDIAG_WEBHOOKS_HMAC_KEY} or the file named by {@code FLEETDIAG_WEBHOOKS_HMAC_KEY_FILE}. Without it the route is off:
 * an unsigned webhook could move any terminal in the inventory. The route is on the events listener, so it shares
 * {@code events.host}, {@code events.port} and {@code events.max-body}.
 *
 * @param hmacKey hex, never logged, never shown in {@link #toString()}
 */
public record WebhooksSettings(String hmacKey) {

    public static final String HMAC_KEY = "webhooks.hmac-key";
    public static final String HMAC_KEY_FILE = "webhooks.hmac-key-file";

    public static final SettingsDefinition DEFINITION = SettingsDefinition.named("Management webhooks (in the poller)")
            .secret(HMAC_KEY, "the HMAC key (hex) of the Management webhook (`FLEETDIAG_WEBHOOKS_HMAC_KEY`); without one (nor a file)"
                    + " `POST /management-webhooks` is off. Needs `events.password` (the listener) and `inventory.endpoint`")
            .optional(HMAC_KEY_FILE, SettingType.PATH, "a file holding that key (`FLEETDIAG_WEBHOOKS_HMAC_KEY_FILE`, e.g. a mounted secret)");

    public WebhooksSettings {
        new HmacSignature(hmacKey);
    }

    /** Empty when no key is given: the poller then runs without the route. */
    public static Optional<WebhooksSettings> from(ServiceConfig config) {
        Optional<String> key = config.find(HMAC_KEY_FILE).map(WebhooksSettings::read).or(() -> config.find(HMAC_KEY));
        try {
            return key.map(WebhooksSettings::new);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(HMAC_KEY + ": " + e.getMessage(), e);
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read " + HMAC_KEY_FILE + " " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "WebhooksSettings[hmacKey=***]";
    }
}
