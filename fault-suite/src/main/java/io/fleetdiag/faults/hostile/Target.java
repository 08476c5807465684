package io.fleetdiag.faults.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** The processor's HTTP port as an attacker reaches it: requests as a client library sends them, and raw ones written byte by byte. */
public final class Target {

    static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Target(int port) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("No such port: " + port);
        }
        this.port = port;
    }

    public int port() {
        return port;
    }

    /** A request with {@code token} (none when null) and {@code headers}; the status and body. */
    public HttpResponse<String> call(String token, String method, String path, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> json(String token, String method, String path, String body) throws IOException, InterruptedException {
        return call(token, method, path, body, body == null ? Map.of() : Map.of("Content-Type", "application/json"));
    }

    /** A JSON answer the suite's operator reads; it must be 200. */
    public JsonNode read(String token, String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = json(token, "GET", path, null);
        if (answer.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + answer.statusCode());
        }
        return JSON.readTree(answer.body());
    }

    /** An event stream, open until its body is closed. */
    public HttpResponse<InputStream> stream(String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/events")).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    /** A raw request (lines joined by \n), so Host and Content-Length are exactly as written; its status code. */
    public int raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            if (status == null || status.split(" ").length < 2) {
                throw new IOException("No status line for a raw request, got: " + status);
            }
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    /** A silence of every BATTERY_LOW for a day: what most attacks try to get in. */
    static String silence(String merchantAccount) {
        String until = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS).toString();
        return merchantAccount == null
                ? "{\"type\": \"BATTERY_LOW\", \"until\": \"" + until + "\", \"reason\": \"hostile\"}"
                : "{\"merchantAccount\": \"" + merchantAccount + "\", \"until\": \"" + until + "\", \"reason\": \"hostile\"}";
    }
}
