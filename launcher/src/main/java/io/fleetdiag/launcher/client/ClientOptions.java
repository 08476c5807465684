package io.fleetdiag.launcher.client;

import io.fleetdiag.serde.RegistryClientConfig;
import io.fleetdiag.serde.SchemaRegistryClient;
import io.fleetdiag.service.ConfigurationException;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.service.ServiceHttp;
import io.fleetdiag.topics.TopicCatalog;
import io.fleetdiag.topics.TopicNames;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import picocli.CommandLine.Option;

/** Where the operator commands find fleetdiag: by default the broker, registry and REST API of a running {@code fleetdiag local}. */
public final class ClientOptions {

    @Option(names = "--bootstrap", defaultValue = "localhost:9092", description = "Kafka bootstrap servers (default ${DEFAULT-VALUE}).")
    String bootstrap;

    @Option(names = "--registry", defaultValue = "http://localhost:8081/apis/ccompat/v6",
            description = "Schema registry, Confluent API (default ${DEFAULT-VALUE}).")
    String registry;

    @Option(names = "--api", defaultValue = "http://localhost:8080", description = "fleetdiag REST API (default ${DEFAULT-VALUE}).")
    String api;

    @Option(names = "--config", description = "Properties file with topics.* and kafka.* settings (e.g. TLS, SASL, a topic prefix).")
    Path config;

    ServiceConfig settings() {
        Map<String, String> defaults = new HashMap<>();
        defaults.put("kafka.bootstrap.servers", bootstrap);
        return ServiceConfig.load(defaults, Optional.ofNullable(config), System.getenv());
    }

    Map<String, Object> kafka() {
        Map<String, Object> kafka = new HashMap<>(settings().kafka());
        kafka.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return kafka;
    }

    TopicCatalog catalog() {
        return TopicCatalog.create(TopicNames.from(settings().asMap()), new SchemaRegistryClient(RegistryClientConfig.of(registry)));
    }

    /** The catalogue, once a broker answers; fails with one line when none does. */
    TopicCatalog reachableCatalog() {
        requireKafka();
        return catalog();
    }

    /** Fails with one line when no broker answers. */
    void requireKafka() {
        Map<String, Object> admin = new HashMap<>(kafka());
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin client = Admin.create(admin)) {
            client.describeCluster(new DescribeClusterOptions().timeoutMs(5_000)).nodes().get(6, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new ConfigurationException("Cannot reach Kafka at " + bootstrap + ": start `fleetdiag local`, or point --bootstrap at your cluster");
        }
    }

    /** GET on the REST API; fails with one line when it does not answer. */
    HttpResponse<String> get(String path) {
        return send("GET", path, null);
    }

    /**
     * A request to the REST API, with the bearer token of {@code FLEETDIAG_HTTP_TOKEN} when it is set;
     * fails with one line when the API does not answer.
     */
    HttpResponse<String> send(String method, String path, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(40))
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        Optional.ofNullable(System.getenv(ServiceHttp.TOKEN_ENV)).filter(token -> !token.isBlank())
                .ifPresent(token -> request.header("Authorization", "Bearer " + token));
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new ConfigurationException("Cannot reach the fleetdiag REST API at " + api + ": start `fleetdiag local`, or point --api at a result processor");
        }
    }
}
