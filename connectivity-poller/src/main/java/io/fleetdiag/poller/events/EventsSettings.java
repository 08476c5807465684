package io.fleetdiag.poller.events;

import io.fleetdiag.service.ConfigurationException;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.service.ServiceHttp;
import io.fleetdiag.service.SettingCheck;
import io.fleetdiag.service.SettingType;
import io.fleetdiag.service.SettingsDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The terminal-events endpoint's settings. It is on only when its password is given ({@code FLEETDIAG_EVENTS_PASSWORD}, or a
 * file named by {@code FLEETDIAG_EVENTS_PASSWORD_FILE}): the terminals send the username and password of their event URL
 * ({@code nexo.eventUrls}) as HTTP basic auth, and an endpoint without a password would take anyone's notifications.
 *
 * @param password never logged, never shown in {@link #toString()}
 */
public record EventsSettings(String host, int port, String username, String password, int maxBody, Duration dedupWindow) {

    public static final String PASSWORD = "events.password";
    public static final String PASSWORD_FILE = "events.password-file";

    public static final SettingsDefinition DEFINITION = SettingsDefinition.named("terminal event notifications (in the poller)")
            .define("events.host", SettingType.STRING, "127.0.0.1", "interface of `POST /terminal-events`; the terminals must reach it"
                    + " (0.0.0.0 in a container)")
            .define("events.port", SettingType.INT, "8093", ServiceHttp.PORT_CHECK, "port of `POST /terminal-events`, a listener of its own"
                    + " beside `http.port`; 0 picks a free one")
            .define("events.username", SettingType.STRING, "fleetdiag", "the basic-auth username of the terminals' event URL"
                    + " (Customer Area > Terminal settings > Integrations > Event URLs)")
            .secret(PASSWORD, "the basic-auth password of the event URL (`FLEETDIAG_EVENTS_PASSWORD`); without one (nor a file) the"
                    + " endpoint is off")
            .optional(PASSWORD_FILE, SettingType.PATH, "a file holding that password (`FLEETDIAG_EVENTS_PASSWORD_FILE`, e.g. a mounted secret)")
            .define("events.max-body", SettingType.INT, "16384", SettingCheck.between(256, 1_048_576), "largest notification body"
                    + " accepted, in bytes; a larger one is refused with 413 before it is read")
            .define("events.dedup-window", SettingType.DURATION, "1h", SettingCheck.positive(), "how long a notification's POIID,"
                    + " EventToNotify and TimeStamp are remembered, so the terminal's resends are written once");

    public EventsSettings {
        Objects.requireNonNull(username, "username");
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("The events endpoint needs a password");
        }
    }

    /** Empty when no password is given: the poller then runs without the endpoint. */
    public static Optional<EventsSettings> from(ServiceConfig config) {
        Optional<String> password = config.find(PASSWORD_FILE).map(EventsSettings::read).or(() -> config.find(PASSWORD));
        if (password.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new EventsSettings(config.get("events.host"), config.intValue("events.port"), config.get("events.username"),
                password.get(), config.intValue("events.max-body"), config.duration("events.dedup-window")));
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read " + PASSWORD_FILE + " " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "EventsSettings[host=" + host + ", port=" + port + ", username=" + username + ", maxBody=" + maxBody
                + ", dedupWindow=" + dedupWindow + "]";
    }
}
