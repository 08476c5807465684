package io.fleetdiag.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.DeadLetter;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.service.Json;
import io.fleetdiag.testsupport.Closer;
import io.fleetdiag.testsupport.RecordCollector;
import io.fleetdiag.testsupport.TestCluster;
import io.fleetdiag.testsupport.TestClusterExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signed webhook on the real broker and registry: a receiver that fails keeps the record uncommitted,
 * so a restarted notifier delivers it, with the same webhook-id, and the signature checks out computed the
 * way a receiver library does; a refusal is dead-lettered with the receiver's answer.
 */
@ExtendWith(TestClusterExtension.class)
class NotifierWebhookIT {

    private final Closer resources = new Closer();
    @TempDir
    Path work;

    @AfterEach
    void close() throws Exception {
        resources.close();
    }

    @Test
    void anUndeliveredAlertSurvivesARestartAndArrivesSignedOnceTheReceiverIsBack(TestCluster cluster) throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        HttpSink hook = resources.keep(HttpSink.start());
        hook.answer(body -> 503);
        String prefix = cluster.uniqueName("notify-hook");
        String store = prefix + "-store";
        String refused = prefix + "-refused";
        NotifierRun run = new NotifierRun(cluster, prefix + ".");
        String routing = """
                receivers:
                  - {name: hook, type: webhook, url: "%s", secretEnv: TEST_HOOK_SECRET}
                routes:
                  - {match: {}, receivers: [hook]}
                grouping: {groupWait: 200ms, groupInterval: 1s}
                """.formatted(hook.url("/fleetdiag"));
        Map<String, String> environment = Map.of("TEST_HOOK_SECRET", secret);

        NotifierService first = run.start(work, routing, environment);
        await().atMost(Duration.ofSeconds(60)).until(() -> readiness(first).statusCode() == 200);
        assertThat(readiness(first).body()).contains("\"assignment\":\"assigned\"").contains(run.alertsTopic() + "-0");
        TerminalAlert raised = Alerts.raised(prefix + "-T1", store, AlertType.PRINTER_FAULT, Severity.WARNING, Instant.now());
        run.produce(raised);
        await().atMost(Duration.ofSeconds(60)).until(() -> hook.received().size() >= 2);
        first.close();
        String failedId = hook.received().get(0).header("webhook-id");

        hook.answer(body -> body.contains(refused) ? 400 : 204);
        resources.keep(run.start(work, routing, environment));
        HttpSink.Received delivered = await().atMost(Duration.ofSeconds(60)).until(() -> hook.received().stream()
                .filter(received -> received.answered() == 204).findFirst(), Optional::isPresent).get();
        System.out.println("The webhook received: webhook-id " + delivered.header("webhook-id") + "\n" + delivered.body());

        String id = delivered.header("webhook-id");
        String timestamp = delivered.header("webhook-timestamp");
        assertThat(id).as("the same message as before the restart").isEqualTo(failedId);
        assertThat(Long.parseLong(timestamp)).isBetween(Instant.now().getEpochSecond() - 300, Instant.now().getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + delivered.body())
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(List.of(delivered.header("webhook-signature").split(" "))).contains(expected);

        JsonNode body = Json.MAPPER.readTree(delivered.body());
        assertThat(body.path("groupKey").asText()).isEqualTo("AcmeRetail_EU/" + store);
        JsonNode notification = body.path("notifications").get(0);
        assertThat(notification.path("alertId").asText()).isEqualTo(raised.getAlertId());
        assertThat(notification.path("status").asText()).isEqualTo("RAISED");
        assertThat(notification.path("dashboardUrl").asText()).endsWith("terminal.html?poiid=" + prefix + "-T1");
        assertThat(body.path("firing")).extracting(node -> node.path("alertId").asText()).containsExactly(raised.getAlertId());
        assertThat(delivered.body()).doesNotContain(secret.substring("whsec_".length()));

        RecordCollector<String, DeadLetter> deadLetters = resources.keep(RecordCollector.start(cluster, run.catalog().deadLetters().name(),
                new StringDeserializer(), run.catalog().deadLetters().valueSerde().deserializer()));
        run.produce(Alerts.raised(prefix + "-T2", refused, AlertType.PRINTER_FAULT, Severity.WARNING, Instant.now()));
        DeadLetter letter = await().atMost(Duration.ofSeconds(60)).until(() -> deadLetters.values().stream().findFirst(),
                Optional::isPresent).get();
        assertThat(letter.getApplication()).isEqualTo("notifier");
        assertThat(letter.getSourceTopic()).isEqualTo(run.catalog().alerts().name());
        assertThat(letter.getReason()).startsWith("receiver hook refused: http://127.0.0.1:").contains("answered 400");
    }

    private static HttpResponse<String> readiness(NotifierService notifier) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + notifier.httpPort() + "/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
