package io.fleetdiag.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.service.Json;
import io.fleetdiag.testsupport.Closer;
import io.fleetdiag.testsupport.TestCluster;
import io.fleetdiag.testsupport.TestClusterExtension;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notifier in front of a real Alertmanager (Debian's, shared by the JVM) on the real broker and registry: a
 * store's offline terminals arrive at Alertmanager's webhook as one group, then resolve; an Alertmanager
 * silence, a fleetdiag silence and a maintenance window each keep an alert quiet.
 */
@ExtendWith(TestClusterExtension.class)
class NotifierAlertmanagerIT {

    private final Closer resources = new Closer();
    private final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path work;

    @AfterEach
    void close() throws Exception {
        resources.close();
    }

    @Test
    void aStoresAlertsArriveGroupedThenResolveAndSilencesAndMaintenanceKeepQuiet(TestCluster cluster) throws Exception {
        Alertmanager alertmanager = Alertmanager.shared();
        String prefix = cluster.uniqueName("notify-am");
        String open = prefix + "-open";
        String amSilenced = prefix + "-am-silenced";
        String fleetdiagSilenced = prefix + "-fd-silenced";
        String closed = prefix + "-closed";
        String sentinel = prefix + "-sentinel";
        NotifierRun run = new NotifierRun(cluster, prefix + ".");
        String routing = """
                receivers:
                  - {name: alertmanager, type: alertmanager, url: "%s"}
                routes:
                  - {match: {}, receivers: [alertmanager]}
                maintenance:
                  - name: closed-all-week
                    match: {store: [%s]}
                    zone: Europe/Amsterdam
                    weekly: [{days: [MON, TUE, WED, THU, FRI, SAT, SUN], from: "00:00", to: "00:00"}]
                """.formatted(alertmanager.url(), closed);
        NotifierService notifier = resources.keep(run.start(work, routing, Map.of()));

        Instant now = Instant.now();
        TerminalAlert first = Alerts.raised(prefix + "-T1", open, AlertType.TERMINAL_OFFLINE, Severity.CRITICAL, now);
        TerminalAlert second = Alerts.raised(prefix + "-T2", open, AlertType.TERMINAL_OFFLINE, Severity.CRITICAL, now);
        run.produce(first, second);
        JsonNode firing = await().atMost(Duration.ofSeconds(60)).until(() -> notification(alertmanager, open, "firing", 2), Optional::isPresent).get();
        System.out.println("Alertmanager's webhook received: " + firing.toPrettyString());
        JsonNode alert = firing.path("alerts").get(0);
        assertThat(alert.path("labels").path("alertname").asText()).isEqualTo("TerminalOffline");
        assertThat(alert.path("labels").path("severity").asText()).isEqualTo("critical");
        assertThat(alert.path("labels").path("merchantAccount").asText()).isEqualTo("AcmeRetail_EU");
        assertThat(alert.path("annotations").path("remediation").asText()).isEqualTo("Check the terminal's power and network.");
        assertThat(alert.path("generatorURL").asText()).startsWith("http://127.0.0.1:8080/dashboard/terminal.html?poiid=" + prefix + "-T");
        assertThat(firing.path("groupLabels").path("store").asText()).isEqualTo(open);

        run.produce(Alerts.resolved(first, now.plusSeconds(1)), Alerts.resolved(second, now.plusSeconds(1)));
        JsonNode resolved = await().atMost(Duration.ofSeconds(60)).until(() -> notification(alertmanager, open, "resolved", 2), Optional::isPresent).get();
        assertThat(resolved.path("alerts")).allSatisfy(edge -> assertThat(edge.path("status").asText()).isEqualTo("resolved"));

        silenceInAlertmanager(alertmanager, amSilenced);
        run.produce(Alerts.raised(prefix + "-T3", amSilenced, AlertType.BATTERY_LOW, Severity.WARNING, now),
                Alerts.silenced(Alerts.raised(prefix + "-T4", fleetdiagSilenced, AlertType.BATTERY_LOW, Severity.WARNING, now), "silence-1"),
                Alerts.raised(prefix + "-T5", closed, AlertType.BATTERY_LOW, Severity.WARNING, now),
                Alerts.raised(prefix + "-T6", sentinel, AlertType.BATTERY_LOW, Severity.WARNING, now));
        // the loop counts what it keeps quiet: once both are counted and the sentinel is told, nothing more is on its way
        await().atMost(Duration.ofSeconds(60)).until(() -> quiet(notifier, "silenced") >= 1 && quiet(notifier, "maintenance window closed-all-week") >= 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> notification(alertmanager, sentinel, "firing", 1).isPresent());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(alerts(alertmanager, amSilenced)).singleElement().satisfies(held ->
                        assertThat(held.path("status").path("state").asText()).isEqualTo("suppressed")));
        assertThat(alerts(alertmanager, fleetdiagSilenced)).as("a fleetdiag silence: never sent").isEmpty();
        assertThat(alerts(alertmanager, closed)).as("inside the maintenance window: never sent").isEmpty();
        for (String quiet : List.of(amSilenced, fleetdiagSilenced, closed)) {
            assertThat(alertmanager.notifications()).noneMatch(received -> received.body().contains(quiet));
        }

        // a restarted notifier reads what fired before its committed offsets and keeps re-sending it (each told
        // to end four resend intervals, 8 s, ahead): Alertmanager never lets it expire
        String restarted = prefix + "-restarted";
        run.produce(Alerts.raised(prefix + "-T7", restarted, AlertType.PRINTER_FAULT, Severity.WARNING, now));
        await().atMost(Duration.ofSeconds(60)).until(() -> notification(alertmanager, restarted, "firing", 1).isPresent());
        resources.forget(notifier);
        notifier.close();
        resources.keep(run.start(work, routing, Map.of()));
        await().during(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(alerts(alertmanager, restarted)).singleElement().satisfies(firingNow ->
                        assertThat(firingNow.path("status").path("state").asText()).isEqualTo("active")));
        assertThat(notification(alertmanager, restarted, "resolved", 1)).isEmpty();
    }

    /** The newest notification Alertmanager sent for the store with this status and count of alerts. */
    private static Optional<JsonNode> notification(Alertmanager alertmanager, String store, String status, int alerts) throws Exception {
        List<HttpSink.Received> received = alertmanager.notifications();
        for (int i = received.size() - 1; i >= 0; i--) {
            JsonNode body = Json.MAPPER.readTree(received.get(i).body());
            if (store.equals(body.path("groupLabels").path("store").asText()) && status.equals(body.path("status").asText())
                    && body.path("alerts").size() == alerts) {
                return Optional.of(body);
            }
        }
        return Optional.empty();
    }

    private List<JsonNode> alerts(Alertmanager alertmanager, String store) throws Exception {
        String filter = URLEncoder.encode("store=\"" + store + "\"", StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(alertmanager.url().resolve("/api/v2/alerts?filter=" + filter)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> alerts = new ArrayList<>();
        Json.MAPPER.readTree(response.body()).forEach(alerts::add);
        return alerts;
    }

    private void silenceInAlertmanager(Alertmanager alertmanager, String store) throws Exception {
        String silence = Json.write(Map.of("matchers", List.of(Map.of("name", "store", "value", store, "isRegex", false, "isEqual", true)),
                "startsAt", Instant.now().minusSeconds(1).toString(), "endsAt", Instant.now().plusSeconds(3600).toString(),
                "createdBy", "NotifierAlertmanagerIT", "comment", "store closed for a refit"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(alertmanager.url().resolve("/api/v2/silences"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(silence)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private double quiet(NotifierService notifier, String reason) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + notifier.httpPort() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith("fleetdiag_notifier_quiet_total{") && line.contains("reason=\"" + reason + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
