package io.fleetdiag.launcher.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** {@code --notify URL} and {@code --notify-routing FILE} of the local run: the routing file the notifier runs with, if any. */
final class NotifyOption {

    private NotifyOption() {
    }

    /** {@code --notify URL} writes a routing file into the data directory that tells every alert to that Alertmanager. */
    static Optional<Path> routing(String alertmanager, Path file, Path dataDir) {
        if (alertmanager != null && file != null) {
            throw new IllegalArgumentException("give --notify or --notify-routing, not both");
        }
        if (file != null) {
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("--notify-routing: cannot read " + file);
            }
            return Optional.of(file);
        }
        if (alertmanager == null) {
            return Optional.empty();
        }
        URI url = URI.create(alertmanager);
        if (url.getHost() == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getUserInfo() != null) {
            throw new IllegalArgumentException("--notify takes an Alertmanager's http(s) URL without credentials, e.g. http://localhost:9093");
        }
        Path routing = dataDir.resolve("notifier-routing.yaml");
        try {
            Files.createDirectories(dataDir);
            Files.writeString(routing, """
                    # written by ./fleetdiag local --notify; --notify-routing FILE takes your own (docs/notifications.md)
                    receivers:
                      - {name: alertmanager, type: alertmanager, url: "%s"}
                    routes:
                      - {match: {}, receivers: [alertmanager]}
                    """.formatted(url));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + routing, e);
        }
        return Optional.of(routing);
    }
}
