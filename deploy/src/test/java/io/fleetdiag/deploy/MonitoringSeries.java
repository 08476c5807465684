package io.fleetdiag.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Prometheus series the kit's alert rules and Grafana dashboard name, read from their expressions. */
final class MonitoringSeries {

    static final Path RULES = DeployKitTest.ROOT.resolve("deploy/prometheus/fleetdiag-rules.yml");
    static final Path DASHBOARD = DeployKitTest.ROOT.resolve("deploy/grafana/fleetdiag-dashboard.json");
    /**
     * Series that come from elsewhere: Prometheus itself, Strimzi's Kafka Exporter (kafkaExporter in the Kafka resource),
     * and Micrometer's JVM binders that every service binds (ServiceHttp).
     */
    static final Set<String> OTHER_EXPORTERS = Set.of("up", "kafka_consumergroup_lag", "kafka_topic_partition_current_offset",
            "jvm_memory_used_bytes");
    /** A series name in PromQL: label values are hyphenated topic and group names, so they never match. */
    private static final Pattern SERIES = Pattern.compile("\\b(fleetdiag_[a-z_]+|kafka_[a-z_]+|jvm_[a-z_]+|up(?=\\{))");

    private MonitoringSeries() {
    }

    static List<JsonNode> alerts() {
        List<JsonNode> alerts = new ArrayList<>();
        read(new YAMLMapper(), RULES).path("groups").forEach(group -> group.path("rules").forEach(alerts::add));
        return alerts;
    }

    static JsonNode dashboard() {
        return read(new ObjectMapper(), DASHBOARD);
    }

    /** Every series an alert rule's or a dashboard panel's expression names. */
    static Set<String> named() {
        List<String> expressions = new ArrayList<>();
        alerts().forEach(alert -> expressions.add(alert.path("expr").asText()));
        dashboard().path("panels").forEach(panel -> panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText())));
        Set<String> named = new TreeSet<>();
        for (String expression : expressions) {
            Matcher series = SERIES.matcher(expression);
            while (series.find()) {
                named.add(series.group(1));
            }
        }
        return named;
    }

    private static JsonNode read(ObjectMapper mapper, Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
