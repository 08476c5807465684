package io.fleetdiag.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdiag.dispatcher.DispatcherService;
import io.fleetdiag.notifier.NotifierService;
import io.fleetdiag.poller.PollerService;
import io.fleetdiag.processor.ProcessorService;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.simulator.SimulatorConfig;
import io.fleetdiag.terminalapi.TerminalApiClient;
import io.fleetdiag.teststack.Testbed;
import io.fleetdiag.testsupport.TestCluster;
import io.fleetdiag.testsupport.TestClusterExtension;
import io.fleetdiag.testsupport.harness.Http;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's {@code prometheus} scrapes running services, with the job names the alert rules expect: every
 * target goes up, and the series the rules are written over come back through Prometheus's HTTP API under
 * the names Micrometer really gives them (the poller's sweep lag with its {@code _seconds} suffix, the
 * dispatcher's call counts, the processor's probe gauges), and every series a rule or a dashboard panel names is
 * among what they export. The probes answer as Kubernetes would ask them.
 */
@ExtendWith(TestClusterExtension.class)
class PrometheusScrapeIT {

    private static final String KEY = "AQEprometheus-it";

    private Testbed bed;
    private Process prometheus;
    private int prometheusPort;
    private Map<String, Integer> ports;
    @TempDir
    Path work;

    @BeforeEach
    void start(TestCluster cluster) throws Exception {
        Assumptions.assumeTrue(RenderedKit.onPath("prometheus"),
                "prometheus is not installed: install the Debian package prometheus (apt-get install prometheus) for this test");
        bed = Testbed.start(cluster, "scrape", SimulatorConfig.defaults(KEY).withTerminals(50).withReferenceTerminals(false));
        ProcessorService processor = bed.keep(ProcessorService.start(bed.config(ProcessorService.defaults(), Map.of(
                "processor.application-id", bed.prefix() + "processor", "processor.state-dir", work.resolve("state").toString(),
                "http.port", "0")), Map.of(), new CompletableFuture<>()));
        ServiceConfig dispatcherConfig = bed.config(DispatcherService.defaults(), Map.of("dispatcher.group-id", bed.prefix() + "dispatcher",
                "http.port", "0"));
        DispatcherService dispatcher = bed.keep(DispatcherService.start(dispatcherConfig, TerminalApiClient.create(bed.terminalApi(KEY)),
                Map.of(), new CompletableFuture<>()));
        Map<String, String> pollerSettings = new HashMap<>(bed.pollerSettings());
        pollerSettings.remove("inventory.endpoint");
        pollerSettings.putAll(Map.of("poller.check-interval", "10s", "poller.dispatcher-group", bed.prefix() + "dispatcher", "http.port", "0"));
        PollerService poller = bed.keep(PollerService.start(bed.config(PollerService.defaults(), pollerSettings),
                TerminalApiClient.create(bed.terminalApi(KEY)), Map.of(), new CompletableFuture<>()));
        // the notifier, telling an Alertmanager that is not there: its receiver's series exist from the start
        Path routing = work.resolve("routing.yml");
        Files.writeString(routing, "receivers:\n  - {name: alertmanager, type: alertmanager, url: \"http://127.0.0.1:" + freePort() + "\"}\n"
                + "routes:\n  - {match: {}, receivers: [alertmanager]}\n");
        NotifierService notifier = bed.keep(NotifierService.start(bed.config(NotifierService.defaults(), Map.of(
                "notifier.routing-file", routing.toString(), "notifier.group-id", bed.prefix() + "notifier", "http.port", "0")),
                Map.of(), new CompletableFuture<>()));
        ports = Map.of("fleetdiag-processor", processor.httpPort(), "fleetdiag-dispatcher", dispatcher.httpPort(),
                "fleetdiag-poller", poller.httpPort(), "fleetdiag-notifier", notifier.httpPort());

        StringBuilder config = new StringBuilder("global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nscrape_configs:\n");
        ports.forEach((job, port) -> config.append("  - job_name: ").append(job).append("\n    static_configs:\n      - targets: ['127.0.0.1:")
                .append(port).append("']\n"));
        Path file = work.resolve("prometheus.yml");
        Files.writeString(file, config.toString());
        prometheusPort = freePort();
        prometheus = new ProcessBuilder("prometheus", "--config.file=" + file, "--storage.tsdb.path=" + work.resolve("tsdb"),
                "--web.listen-address=127.0.0.1:" + prometheusPort)
                .redirectErrorStream(true).redirectOutput(work.resolve("prometheus.log").toFile()).start();
    }

    @AfterEach
    void stop() throws Exception {
        if (prometheus != null) {
            prometheus.destroy();
            if (!prometheus.waitFor(30, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
        }
        if (bed != null) {
            bed.close();
        }
    }

    @Test
    void prometheusScrapesEveryServiceAndFindsTheSeriesTheRulesUse() throws Exception {
        await().atMost(Duration.ofMinutes(2)).ignoreExceptions().untilAsserted(() -> assertThat(query("up == 1"))
                .extracting(sample -> sample.path("metric").path("job").asText())
                .containsExactlyInAnyOrderElementsOf(ports.keySet()));

        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            assertThat(value("sum(fleetdiag_poller_leader)")).as("one poller leads").isEqualTo(1);
            assertThat(value("min(fleetdiag_processor_ready)")).as("the processor is ready").isEqualTo(1);
            assertThat(value("sum(fleetdiag_processor_restoring_stores)")).isZero();
            assertThat(value("sum(fleetdiag_dispatcher_call_latency_seconds_count)")).as("the dispatcher called terminals").isPositive();
            assertThat(value("sum(fleetdiag_poller_poll_latency_seconds_count)")).as("the poller polled").isPositive();
        });
        for (String series : List.of("fleetdiag_poller_sweep_behind_seconds", "fleetdiag_poller_dispatch_backlog",
                "fleetdiag_poller_dispatch_capacity", "fleetdiag_dispatcher_queue_depth", "fleetdiag_dispatcher_inflight",
                "fleetdiag_processor_input_lag", "fleetdiag_processor_restore_remaining", "jvm_memory_used_bytes")) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(query(series)).as(series).isNotEmpty());
        }
        assertThat(query("fleetdiag_dispatcher_call_latency_seconds_bucket")).as("the Busy share and latency panels' histogram").isNotEmpty();
    }

    /** Issue 27: every metric a rule or a dashboard panel names is exported by a running stack (Kafka's from Strimzi's exporter). */
    @Test
    void everySeriesTheRulesAndTheDashboardNameIsScrapedFromTheRunningServices() throws Exception {
        Set<String> named = new TreeSet<>(MonitoringSeries.named());
        named.removeIf(series -> series.startsWith("kafka_"));
        assertThat(named).contains("up", "fleetdiag_notifier_failed_total", "fleetdiag_processor_input_lag");

        // a 503 while Prometheus starts is an IOException from Http.get: keep asking
        await().atMost(Duration.ofMinutes(2)).ignoreExceptions().untilAsserted(() -> {
            JsonNode answer = Http.getJson("http://127.0.0.1:" + prometheusPort + "/api/v1/label/__name__/values");
            Set<String> scraped = new TreeSet<>();
            answer.path("data").forEach(name -> scraped.add(name.asText()));
            Set<String> missing = new TreeSet<>(named);
            missing.removeAll(scraped);
            assertThat(missing).as("named by a rule or a panel, not scraped from the services").isEmpty();
        });
    }

    @Test
    void theProbesAnswerAsKubernetesAsks() throws Exception {
        // a 503 (not ready yet) is an IOException from Http.get: keep asking
        await().atMost(Duration.ofMinutes(2)).ignoreExceptions().untilAsserted(() -> {
            for (int port : ports.values()) {
                assertThat(Http.getJson("http://127.0.0.1:" + port + "/health/live").path("status").asText()).isEqualTo("LIVE");
                assertThat(Http.getJson("http://127.0.0.1:" + port + "/health/ready").path("status").asText()).isEqualTo("READY");
            }
        });
        assertThat(Http.getJson("http://127.0.0.1:" + ports.get("fleetdiag-poller") + "/health/ready").path("role").asText()).isEqualTo("leader");
        assertThat(Http.getJson("http://127.0.0.1:" + ports.get("fleetdiag-dispatcher") + "/health/ready").path("assignment").asText())
                .isEqualTo("assigned");
        assertThat(Http.getJson("http://127.0.0.1:" + ports.get("fleetdiag-processor") + "/health/ready").path("streams").asText())
                .isEqualTo("RUNNING");
    }

    private static int freePort() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    private JsonNode query(String promql) throws Exception {
        JsonNode answer = Http.getJson("http://127.0.0.1:" + prometheusPort + "/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        assertThat(answer.path("status").asText()).as(promql).isEqualTo("success");
        return answer.path("data").path("result");
    }

    private double value(String promql) throws Exception {
        JsonNode result = query(promql);
        assertThat(result).as(promql).isNotEmpty();
        return Double.parseDouble(result.path(0).path("value").path(1).asText());
    }
}
