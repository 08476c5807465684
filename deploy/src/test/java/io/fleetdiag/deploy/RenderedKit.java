package io.fleetdiag.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Assumptions;

/** An overlay as {@code kubectl kustomize} renders it: every object, parsed, with look-ups by kind and name. */
record RenderedKit(String overlay, List<JsonNode> objects) {

    /** The kit uses kustomize 5's {@code labels}, which kubectl carries from 1.27 on. */
    private static final int KUBECTL_MINOR = 27;
    private static final String INSTALL = "install kubectl 1.%d or later, which carries kustomize 5 (Kubernetes' own packages; Debian 12's kubernetes-client is kubectl 1.20, too old) to render the overlays"
            .formatted(KUBECTL_MINOR);

    /** Renders {@code deploy/kubernetes/overlays/<overlay>}; the test is skipped, saying why, when kubectl is missing or too old. */
    static RenderedKit render(String overlay) throws Exception {
        Assumptions.assumeTrue(onPath("kubectl"), "kubectl is not installed: " + INSTALL);
        int minor = kubectlMinor();
        Assumptions.assumeTrue(minor >= KUBECTL_MINOR, "kubectl 1." + minor + " is too old: " + INSTALL);
        Path directory = DeployKitTest.ROOT.resolve("deploy/kubernetes/overlays").resolve(overlay);
        Process process = new ProcessBuilder("kubectl", "kustomize", directory.toString()).redirectErrorStream(false).start();
        byte[] out;
        String err;
        try (InputStream stdout = process.getInputStream(); InputStream stderr = process.getErrorStream()) {
            out = stdout.readAllBytes();
            err = new String(stderr.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new AssertionError("kubectl kustomize " + directory + " failed: " + err);
        }
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = new YAMLMapper().readerFor(JsonNode.class).readValues(out)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    objects.add(document);
                }
            }
        }
        return new RenderedKit(overlay, objects);
    }

    /** The client's minor version, as {@code kubectl version --client -o json} says it ("32", or "32+" on some builds). */
    private static int kubectlMinor() throws Exception {
        Process process = new ProcessBuilder("kubectl", "version", "--client", "-o", "json").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out;
        try (InputStream stdout = process.getInputStream()) {
            out = stdout.readAllBytes();
        }
        if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new AssertionError("kubectl version --client failed");
        }
        String minor = new YAMLMapper().readTree(out).path("clientVersion").path("minor").asText().replaceAll("\\D", "");
        return minor.isEmpty() ? 0 : Integer.parseInt(minor);
    }

    static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            if (Path.of(directory, program).toFile().canExecute()) {
                return true;
            }
        }
        return false;
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(object -> object.path("kind").asText().equals(kind)).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(object -> object.path("metadata").path("name").asText().equals(name)).findFirst();
    }

    JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(overlay + " renders no " + kind + " " + name));
    }

    /** The Deployments and the StatefulSet. */
    List<JsonNode> workloads() {
        List<JsonNode> workloads = new ArrayList<>(ofKind("Deployment"));
        workloads.addAll(ofKind("StatefulSet"));
        return workloads;
    }

    /** The ConfigMap a workload's first container takes its settings from, as a map. */
    Map<String, String> settingsOf(JsonNode workload) {
        String name = container(workload).path("envFrom").path(0).path("configMapRef").path("name").asText();
        Map<String, String> data = new TreeMap<>();
        get("ConfigMap", name).path("data").fields().forEachRemaining(entry -> data.put(entry.getKey(), entry.getValue().asText()));
        return data;
    }

    static JsonNode container(JsonNode workload) {
        return workload.path("spec").path("template").path("spec").path("containers").path(0);
    }

    /** The number of the port the workload's container names so. */
    static Optional<Integer> containerPort(JsonNode workload, String name) {
        return StreamSupport.stream(container(workload).path("ports").spliterator(), false)
                .filter(port -> port.path("name").asText().equals(name)).map(port -> port.path("containerPort").asInt()).findFirst();
    }

    /** The path lies under a mount of the container; when that volume is a Secret with items, it is one of the items. */
    static boolean mountedAt(JsonNode workload, String path) {
        for (JsonNode mount : container(workload).path("volumeMounts")) {
            String at = mount.path("mountPath").asText();
            if (!path.startsWith(at + "/") && !path.equals(at)) {
                continue;
            }
            JsonNode items = StreamSupport.stream(workload.path("spec").path("template").path("spec").path("volumes").spliterator(), false)
                    .filter(volume -> volume.path("name").asText().equals(mount.path("name").asText())).findFirst()
                    .map(volume -> volume.path("secret").path("items")).orElse(null);
            String relative = path.substring(at.length()).replaceFirst("^/", "");
            if (items == null || items.isMissingNode()
                    || StreamSupport.stream(items.spliterator(), false).anyMatch(item -> item.path("path").asText().equals(relative))) {
                return true;
            }
        }
        return false;
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    static boolean labelsMatch(JsonNode selector, JsonNode labels) {
        if (selector.isMissingNode() || selector.isEmpty()) {
            return false;
        }
        var fields = selector.fields();
        while (fields.hasNext()) {
            var entry = fields.next();
            if (!labels.path(entry.getKey()).asText().equals(entry.getValue().asText())) {
                return false;
            }
        }
        return true;
    }
}
