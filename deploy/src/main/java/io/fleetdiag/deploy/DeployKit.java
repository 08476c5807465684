package io.fleetdiag.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fleetdiag.serde.RegistryClientConfig;
import io.fleetdiag.serde.SchemaRegistryClient;
import io.fleetdiag.service.KafkaSettings;
import io.fleetdiag.topics.TopicCatalog;
import io.fleetdiag.topics.TopicNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generated files of deploy/kubernetes: the Strimzi topics and users from the topic catalogue, and each
 * service's settings env file from its settings model. The rest of the kit (workloads, policies, overlays) is
 * written by hand and refers to these. {@code DeployKitTest} fails when the committed files differ; rewrite
 * them with {@code java -cp ... io.fleetdiag.deploy.DeployKit [repository root]} or the test's
 * {@code -Dfleetdiag.docs.write=true}.
 */
public final class DeployKit {

    public static final Path BASE = Path.of("deploy", "kubernetes", "base");
    private static final String HEADER = "# GENERATED from the topic catalogue by io.fleetdiag.deploy.DeployKit: do not edit.\n";
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    private DeployKit() {
    }

    /** The catalogue with the default names; its serdes are never used here, so the registry is never asked. */
    public static TopicCatalog catalog() {
        return TopicCatalog.create(TopicNames.defaults(), new SchemaRegistryClient(RegistryClientConfig.of("http://schema-registry.invalid")));
    }

    /** Every generated file by its path from the repository root, in a stable order. */
    public static Map<Path, String> files() {
        TopicCatalog catalog = catalog();
        int partitions = Integer.parseInt(KafkaSettings.DEFAULTS.get("topics.partitions"));
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(BASE.resolve("strimzi").resolve("topics.yaml"), yaml(StrimziResources.topics(catalog, partitions)));
        files.put(BASE.resolve("strimzi").resolve("users.yaml"), yaml(StrimziResources.users(KafkaAccess.users(catalog, TopicNames.defaults()))));
        for (Workload workload : Workload.all()) {
            files.put(BASE.resolve(workload.name()).resolve("settings.env"), SettingsEnvFile.render(workload));
        }
        return files;
    }

    static String yaml(List<Map<String, Object>> documents) {
        StringBuilder out = new StringBuilder(HEADER);
        for (Map<String, Object> document : documents) {
            try {
                out.append("---\n").append(YAML.writeValueAsString(document));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out.toString();
    }

    /** Writes every generated file under the repository root (the first argument, or the working directory). */
    public static void main(String[] args) throws IOException {
        Path root = args.length > 0 ? Path.of(args[0]) : Path.of("");
        for (Map.Entry<Path, String> file : files().entrySet()) {
            Path target = root.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            System.out.println("wrote " + target);
        }
    }
}
