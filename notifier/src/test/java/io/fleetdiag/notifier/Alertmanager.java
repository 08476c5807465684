package io.fleetdiag.notifier;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Prometheus Alertmanager ({@code /usr/bin/prometheus-alertmanager}), started once per test JVM
 * and shared, on a free port with its storage in a temporary directory. It groups by merchant account and
 * store after one second and sends every group to a webhook receiver inside the test. Tests use their own
 * store names, so they do not see each other's groups. Without the package the tests are skipped, naming it.
 */
public final class Alertmanager {

    public static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");
    private static Alertmanager shared;

    private final URI url;
    private final HttpSink webhook;

    private Alertmanager(URI url, HttpSink webhook) {
        this.url = url;
        this.webhook = webhook;
    }

    public static synchronized Alertmanager shared() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(BINARY), "Alertmanager is not installed: apt-get install prometheus-alertmanager"
                + " (the package prometheus-alertmanager gives " + BINARY + ")");
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    private static Alertmanager start() throws Exception {
        HttpSink webhook = HttpSink.start();
        Path home = Files.createTempDirectory("alertmanager");
        Path config = home.resolve("alertmanager.yml");
        Files.writeString(config, """
                route:
                  receiver: test
                  group_by: [merchantAccount, store]
                  group_wait: 1s
                  group_interval: 1s
                  repeat_interval: 1h
                receivers:
                  - name: test
                    webhook_configs:
                      - url: "%s"
                        send_resolved: true
                """.formatted(webhook.url("/alertmanager")));
        int port = freePort();
        Process process = new ProcessBuilder(BINARY.toString(), "--config.file=" + config, "--storage.path=" + home.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=")
                .redirectErrorStream(true).redirectOutput(home.resolve("alertmanager.log").toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            process.destroy();
            webhook.close();
        }));
        URI url = URI.create("http://127.0.0.1:" + port + "/");
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("Alertmanager exited: " + Files.readString(home.resolve("alertmanager.log")));
            }
            return http.send(HttpRequest.newBuilder(url.resolve("/-/ready")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        });
        return new Alertmanager(url, webhook);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public URI url() {
        return url;
    }

    /** What Alertmanager sent to its webhook receiver. */
    public List<HttpSink.Received> notifications() {
        return webhook.received();
    }
}
