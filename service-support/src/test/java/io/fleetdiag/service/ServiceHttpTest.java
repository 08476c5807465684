package io.fleetdiag.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdiag.service.http.HttpEndpoint;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ServiceHttpTest {

    private static HttpEndpoint start(Map<String, String> environment) throws Exception {
        return start(environment, new ServiceHttp.Health(true, true, true, Map.of()));
    }

    private static HttpEndpoint start(Map<String, String> environment, ServiceHttp.Health health) throws Exception {
        Map<String, String> settings = new HashMap<>(ServiceHttp.DEFAULTS);
        settings.put("http.port", "0");
        return ServiceHttp.start(ServiceConfig.of(settings), environment, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                () -> health, List.of());
    }

    @Test
    void theProbesAnswerLiveAndReadyApartWithoutAToken() throws Exception {
        ServiceHttp.Health restoring = new ServiceHttp.Health(true, true, false, Map.of("reason", "restoring 3 state store partitions"));
        try (HttpEndpoint http = start(Map.of(ServiceHttp.TOKEN_ENV, "s3cret-token"), restoring)) {
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> live = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/health/live")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> ready = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(live.body()).contains("\"status\":\"LIVE\"");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("\"status\":\"NOT_READY\"", "restoring 3 state store partitions");
            assertThat(get(http, "/health", null)).isEqualTo(200);
        }
        try (HttpEndpoint http = start(Map.of(), new ServiceHttp.Health(false, false, false, Map.of()))) {
            assertThat(get(http, "/health/live", null)).isEqualTo(503);
            assertThat(get(http, "/health/ready", null)).isEqualTo(503);
            assertThat(get(http, "/health", null)).isEqualTo(503);
        }
    }

    private static int get(HttpEndpoint http, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void byDefaultOnlyThisMachineCanConnect() throws Exception {
        Optional<InetAddress> outside = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .findFirst();
        Assumptions.assumeTrue(outside.isPresent(), "this machine has no non-loopback address to try");
        try (HttpEndpoint http = start(Map.of())) {
            assertThat(get(http, "/health", null)).isEqualTo(200);
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(outside.get(), http.port()), 2_000);
                }
            }).isInstanceOf(IOException.class);
        }
    }

    @Test
    void withATokenEveryRouteButHealthAsksForIt() throws Exception {
        try (HttpEndpoint http = start(Map.of(ServiceHttp.TOKEN_ENV, "s3cret-token"))) {
            assertThat(get(http, "/health", null)).isEqualTo(200);
            assertThat(get(http, "/metrics", null)).isEqualTo(401);
            assertThat(get(http, "/metrics", "Bearer wrong")).isEqualTo(401);
            assertThat(get(http, "/metrics", "Bearer s3cret-token")).isEqualTo(200);
        }
        try (HttpEndpoint http = start(Map.of())) {
            assertThat(get(http, "/metrics", null)).isEqualTo(200);
        }
    }

    @Test
    void aLargeBodyIsRefusedBeforeItIsRead() throws Exception {
        try (HttpEndpoint http = start(Map.of()); Socket socket = new Socket("127.0.0.1", http.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            long started = System.nanoTime();
            // 700 MB announced, a few bytes sent: the answer comes without waiting for the rest
            out.write(("POST /health HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: " + 700L * 1024 * 1024
                    + "\r\n\r\n{\"x\":\"").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertThat(status).isEqualTo("HTTP/1.1 413 Payload Too Large");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }
}
