package io.fleetdiag.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.service.ServiceHttp;
import io.fleetdiag.service.access.Authenticator;
import io.fleetdiag.testsupport.Closer;
import io.fleetdiag.testsupport.TestCluster;
import io.fleetdiag.topics.TopicCatalog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Processor instances of one IT on the test cluster (one application, a state directory each, topics under
 * a unique prefix) and calls to their REST API with a bearer token.
 */
final class ApiInstances implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final Closer resources = new Closer();
    private final HttpClient http = HttpClient.newHttpClient();
    private final TestCluster cluster;
    private final String prefix;
    private final TopicCatalog catalog;
    private final Path work;

    ApiInstances(TestCluster cluster, String name, Path work) {
        this.cluster = cluster;
        this.prefix = cluster.uniqueName(name) + ".";
        this.catalog = TopicCatalog.prefixed(prefix, cluster.schemaRegistryUrl());
        this.work = work;
    }

    TopicCatalog catalog() {
        return catalog;
    }

    HttpClient http() {
        return http;
    }

    /** An instance whose own token is {@code token}, with callers named by {@code authenticator}. */
    ProcessorService start(String name, String token, Authenticator authenticator) throws Exception {
        return start(name, token, authenticator, Map.of());
    }

    /** The same, with {@code settings} over the defaults. */
    ProcessorService start(String name, String token, Authenticator authenticator, Map<String, String> settings) throws Exception {
        Map<String, String> values = new HashMap<>();
        ProcessorService.defaults().forEach(values::putAll);
        values.putAll(cluster.serviceSettings(prefix));
        values.putAll(Map.of("processor.application-id", prefix + "processor", "processor.state-dir", work.resolve(name).toString(),
                "processor.commit-interval", "100ms", "http.port", "0"));
        values.putAll(settings);
        return resources.keep(ProcessorService.start(ServiceConfig.of(values), Map.of(ServiceHttp.TOKEN_ENV, token), authenticator,
                new CompletableFuture<>()));
    }

    HttpResponse<String> call(ProcessorService instance, String token, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.httpPort() + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode get(ProcessorService instance, String token, String path) throws Exception {
        HttpResponse<String> answer = call(instance, token, "GET", path, null);
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    /** A list's total, or -1 while the instances rebalance (503). */
    int total(ProcessorService instance, String token, String path) throws Exception {
        HttpResponse<String> answer = call(instance, token, "GET", path, null);
        return answer.statusCode() == 200 ? JSON.readTree(answer.body()).path("total").asInt() : -1;
    }

    /** Closed with the instances. */
    <T extends AutoCloseable> T keep(T resource) {
        return resources.keep(resource);
    }

    @Override
    public void close() throws Exception {
        resources.close();
    }
}
