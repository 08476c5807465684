package io.fleetdiag.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * deploy/prometheus: the rules pass Debian's {@code promtool check rules} and their unit tests
 * ({@code promtool test rules}); every alert has a test that raises it and a runbook section in
 * docs/operations.md; every series the rules and the Grafana dashboard name is one the services export
 * (or Strimzi's Kafka Exporter, or Prometheus's own {@code up}).
 */
class PrometheusRulesTest {

    private static final Path PROMETHEUS = DeployKitTest.ROOT.resolve("deploy/prometheus");
    private static final Path OPERATIONS = DeployKitTest.ROOT.resolve("docs/operations.md");

    @Test
    void promtoolChecksTheRulesAndRunsTheirUnitTests() throws Exception {
        Assumptions.assumeTrue(RenderedKit.onPath("promtool"),
                "promtool is not installed: install the Debian package prometheus (apt-get install prometheus) to check the rules");

        assertThat(promtool("check", "rules", "fleetdiag-rules.yml")).contains("SUCCESS");
        assertThat(promtool("test", "rules", "fleetdiag-rules-test.yml")).contains("SUCCESS");
    }

    @Test
    void everyAlertHasAUnitTestThatRaisesItAndARunbookSection() throws Exception {
        JsonNode tests = new YAMLMapper().readTree(PROMETHEUS.resolve("fleetdiag-rules-test.yml").toFile());
        Set<String> raised = new TreeSet<>();
        tests.path("tests").forEach(test -> test.path("alert_rule_test").forEach(check -> {
            if (!check.path("exp_alerts").isEmpty()) {
                raised.add(check.path("alertname").asText());
            }
        }));
        String operations = Files.readString(OPERATIONS, StandardCharsets.UTF_8);

        List<JsonNode> alerts = MonitoringSeries.alerts();
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(12);
        for (JsonNode alert : alerts) {
            String name = alert.path("alert").asText();
            assertThat(raised).as(name + " has a promtool test that raises it").contains(name);
            assertThat(alert.path("annotations").path("runbook_url").asText()).as(name)
                    .endsWith("docs/operations.md#" + name.toLowerCase(Locale.ROOT));
            assertThat(operations).as("docs/operations.md has a runbook section for " + name).contains("\n### " + name + "\n");
            assertThat(alert.path("labels").path("severity").asText()).as(name).isIn("warning", "critical");
        }
    }

    @Test
    void everySeriesTheRulesAndTheDashboardNameIsExported() throws Exception {
        Set<String> exported = new TreeSet<>(MeterNames.exported(DeployKitTest.ROOT));
        exported.addAll(MonitoringSeries.OTHER_EXPORTERS);
        assertThat(exported).contains("fleetdiag_poller_poll_failures_total", "fleetdiag_dispatcher_call_latency_seconds_count",
                "fleetdiag_poller_sweep_behind_seconds", "fleetdiag_processor_input_lag");

        assertThat(MonitoringSeries.dashboard().path("panels").size()).isGreaterThanOrEqualTo(8);
        Set<String> named = MonitoringSeries.named();
        assertThat(named).as("the series the rules and the dashboard use").hasSizeGreaterThanOrEqualTo(15);
        assertThat(exported).as("exported by a service (or Prometheus / the Kafka Exporter)").containsAll(named);
    }

    private static String promtool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(PROMETHEUS.toFile()).redirectErrorStream(true).start();
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("promtool finished").isTrue();
        assertThat(process.exitValue()).as("promtool " + String.join(" ", arguments) + ":\n" + output).isZero();
        return output;
    }
}
