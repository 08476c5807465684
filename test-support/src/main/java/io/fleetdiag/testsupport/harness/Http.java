package io.fleetdiag.testsupport.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Plain HTTP to the services' /metrics, the REST API and the simulator's admin API. */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    public static String get(String url) throws IOException, InterruptedException {
        return get(url, null);
    }

    /** A GET with {@code Authorization: Bearer <bearer>}, or none when {@code bearer} is null (a service without identity). */
    public static String get(String url, String bearer) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(request(url, bearer), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    public static JsonNode getJson(String url) throws IOException, InterruptedException {
        return JSON.readTree(get(url));
    }

    /** The JSON answer, or null when there is none (404). */
    public static JsonNode getJsonOrNull(String url) throws IOException, InterruptedException {
        return getJsonOrNull(url, null);
    }

    public static JsonNode getJsonOrNull(String url, String bearer) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(request(url, bearer), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return null;
        }
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static HttpRequest request(String url, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return request.build();
    }

    public static JsonNode postJson(String url, Object body) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /**
     * The samples of a Prometheus text exposition, keyed by name and labels as written
     * (e.g. {@code fleetdiag_poller_publish_latency_seconds_count{scope="X",}}).
     */
    public static Map<String, Double> prometheus(String url) throws IOException, InterruptedException {
        Map<String, Double> samples = new HashMap<>();
        for (String line : get(url).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            try {
                samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            } catch (NumberFormatException ignored) {
                // a sample we do not read
            }
        }
        return samples;
    }

    /** The sum of every sample whose name is {@code name}, whatever its labels, optionally only those containing {@code labelPart}. */
    public static double sum(Map<String, Double> samples, String name, String labelPart) {
        return samples.entrySet().stream()
                .filter(entry -> entry.getKey().equals(name) || entry.getKey().startsWith(name + "{"))
                .filter(entry -> labelPart == null || entry.getKey().contains(labelPart))
                .mapToDouble(Map.Entry::getValue).sum();
    }
}
