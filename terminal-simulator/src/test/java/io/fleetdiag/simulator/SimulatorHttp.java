package io.fleetdiag.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/** Plain HTTP calls to a running simulator, the way any Adyen client would make them. */
final class SimulatorHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URI base;
    private final String apiKey;

    SimulatorHttp(URI base, String apiKey) {
        this.base = base;
        this.apiKey = apiKey;
    }

    HttpResponse<String> post(String path, String body) {
        return join(postAsync(path, body));
    }

    CompletableFuture<HttpResponse<String>> postAsync(String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return join(HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    static String diagnosis(String poiid, String serviceId, boolean host) {
        return """
                {"SaleToPOIRequest":{"MessageHeader":{"ProtocolVersion":"3.0","MessageClass":"Service",
                "MessageCategory":"Diagnosis","MessageType":"Request","ServiceID":"%s","SaleID":"test","POIID":"%s"},
                "DiagnosisRequest":{"HostDiagnosisFlag":%s}}}""".formatted(serviceId, poiid, host);
    }

    private static <T> T join(CompletableFuture<T> future) {
        return future.join();
    }
}
