package io.fleetdiag.poller.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetdiag.poller.PollerService;
import io.fleetdiag.poller.inventory.InventorySource;
import io.fleetdiag.schemas.DeadLetter;
import io.fleetdiag.schemas.TerminalInventory;
import io.fleetdiag.simulator.SimulatorConfig;
import io.fleetdiag.simulator.api.ManagementWebhooks;
import io.fleetdiag.terminalapi.TerminalApiClient;
import io.fleetdiag.teststack.Testbed;
import io.fleetdiag.testsupport.RecordCollector;
import io.fleetdiag.testsupport.TestCluster;
import io.fleetdiag.testsupport.TestClusterExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The poller's POST /management-webhooks on the events listener, against the real broker, registry and simulated inventory. */
@ExtendWith(TestClusterExtension.class)
class ManagementWebhooksIT {

    private static final String KEY = "AQEwebhooks-terminal-key";
    private static final String MANAGEMENT_KEY = "AQEwebhooks-management-key";
    private static final String HMAC_KEY = "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Testbed bed;
    private PollerService poller;

    @BeforeEach
    void start(TestCluster testCluster) throws Exception {
        bed = Testbed.start(testCluster, "webhooks", SimulatorConfig.defaults(KEY).withTerminals(20).withReferenceTerminals(false)
                .withManagementApiKey(MANAGEMENT_KEY));
        // one listing at start, none after: what changes the inventory later is the webhook
        poller = bed.keep(PollerService.start(bed.config(PollerService.defaults(), bed.pollerSettings(), Map.of("inventory.refresh-interval",
                        "6h", "events.port", "0", "events.password", "s3cret-event-url-password", WebhooksSettings.HMAC_KEY, HMAC_KEY)),
                TerminalApiClient.create(bed.terminalApi(KEY)), Map.of("MANAGEMENT_API_KEY", MANAGEMENT_KEY), new CompletableFuture<>()));
    }

    @AfterEach
    void close() throws Exception {
        bed.close();
    }

    private HttpResponse<String> post(String body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + poller.events().orElseThrow().port()
                + ManagementWebhooksEndpoint.PATH)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("HmacSignature", signature);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private RecordCollector<String, TerminalInventory> inventory() {
        return bed.keep(RecordCollector.start(bed.cluster(), bed.catalog().inventory().name(), new StringDeserializer(),
                bed.catalog().inventory().valueSerde().deserializer()));
    }

    /** Until the first listing's every record was read, so what a webhook writes comes after them. */
    private void awaitFirstListing(RecordCollector<String, TerminalInventory> inventory, InventorySource source) {
        int listed = bed.simulator().cloud().inventory().entries().size();
        await().atMost(Duration.ofSeconds(60)).until(() -> source.refreshes() >= 1 && inventory.records().size() >= listed);
    }

    private double counter(String outcome) throws Exception {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + poller.httpPort() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String prefix = "fleetdiag_poller_management_webhooks_total{outcome=\"" + outcome + "\"} ";
        return metrics.lines().filter(line -> line.startsWith(prefix)).mapToDouble(line -> Double.parseDouble(line.substring(prefix.length())))
                .findFirst().orElse(0);
    }

    private static String assignment(String poiid, String account, String storeId) {
        return """
                {"uniqueTerminalId":"%s","pspReference":"GRC3GF8HJ5KGZH65","eventDate":"2026-12-05T21:40:00+01:00",\
                "assignedToAccount":"%s","assignedToStore":"Amsterdam-9","assignedToStoreId":"%s"}""".formatted(poiid, account, storeId);
    }

    @Test
    void aSignedAssignmentMovesTheTerminalInTheInventoryAtOnce() throws Exception {
        RecordCollector<String, TerminalInventory> inventory = inventory();
        InventorySource source = poller.inventory().orElseThrow();
        awaitFirstListing(inventory, source);
        TerminalInventory listed = inventory.values().get(0);
        int before = inventory.records().size();
        String body = assignment(listed.getPoiid(), listed.getMerchantAccount(), "ST-MOVED-BY-WEBHOOK");

        HttpResponse<String> answer = post(body, HmacSignatureTest.sign(HMAC_KEY, body));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("[accepted]");
        await().atMost(Duration.ofSeconds(30)).until(() -> inventory.records().size() > before);
        ConsumerRecord<String, TerminalInventory> record = inventory.records().get(before);
        assertThat(record.key()).isEqualTo(listed.getPoiid());
        assertThat(record.value().getStore()).isEqualTo("ST-MOVED-BY-WEBHOOK");
        assertThat(record.value().getAssignmentStatus()).isEqualTo("boarded");
        assertThat(record.value().getListedAt()).isEqualTo(Instant.parse("2026-12-05T20:40:00Z"));
        assertThat(record.value().getModel()).isEqualTo(listed.getModel());
        assertThat(record.value().getFirmwareVersion()).isEqualTo(listed.getFirmwareVersion());
        assertThat(record.value().getScope()).isEqualTo(listed.getScope());
        assertThat(source.refreshes()).isEqualTo(1);
        assertThat(counter("applied")).isEqualTo(1);
    }

    @Test
    void aBadlySignedWebhookIsRefusedWith401AndCountedAndAMalformedOneDeadLettered() throws Exception {
        RecordCollector<String, TerminalInventory> inventory = inventory();
        RecordCollector<String, DeadLetter> deadLetters = bed.keep(RecordCollector.start(bed.cluster(), bed.catalog().deadLetters().name(),
                new StringDeserializer(), bed.catalog().deadLetters().valueSerde().deserializer()));
        InventorySource source = poller.inventory().orElseThrow();
        awaitFirstListing(inventory, source);
        TerminalInventory listed = inventory.values().get(0);
        int before = inventory.records().size();
        String forged = assignment(listed.getPoiid(), listed.getMerchantAccount(), "ST-FORGED");
        String otherKey = "00" + HMAC_KEY.substring(2);

        HttpResponse<String> badlySigned = post(forged, HmacSignatureTest.sign(otherKey, forged));
        HttpResponse<String> unsigned = post(forged, null);
        String malformed = "{\"uniqueTerminalId\":\"" + listed.getPoiid() + "\",\"eventDate\":\"2026-12-05T21:40:00Z\"}";
        HttpResponse<String> noAccount = post(malformed, HmacSignatureTest.sign(HMAC_KEY, malformed));

        assertThat(badlySigned.statusCode()).isEqualTo(401);
        assertThat(badlySigned.body()).contains("HmacSignature does not match");
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.body()).contains("No HmacSignature header");
        assertThat(counter("bad_signature")).isEqualTo(2);
        assertThat(noAccount.statusCode()).isEqualTo(400);
        assertThat(noAccount.body()).contains("assignedToAccount is missing");
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.values().size() == 1);
        assertThat(deadLetters.records().get(0).key()).isEqualTo(listed.getPoiid());
        assertThat(deadLetters.values().get(0).getSourceTopic()).isEqualTo("http:POST /management-webhooks");
        assertThat(StandardCharsets.UTF_8.decode(deadLetters.values().get(0).getValue()).toString()).isEqualTo(malformed);
        // a good one after them is the only record the webhooks added
        String good = assignment(listed.getPoiid(), listed.getMerchantAccount(), "ST-GOOD");
        assertThat(post(good, HmacSignatureTest.sign(HMAC_KEY, good)).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> inventory.records().size() > before);
        assertThat(inventory.records().subList(before, inventory.records().size())).extracting(record -> record.value().getStore())
                .containsExactly("ST-GOOD");
    }

    @Test
    void aSimulatorReassignmentReachesTheInventoryAtOnceThroughItsSignedWebhook() throws Exception {
        RecordCollector<String, TerminalInventory> inventory = inventory();
        InventorySource source = poller.inventory().orElseThrow();
        awaitFirstListing(inventory, source);
        TerminalInventory listed = inventory.values().get(0);
        int before = inventory.records().size();
        ManagementWebhooks webhooks = bed.simulator().sendWebhooksTo(new ManagementWebhooks.Target(URI.create("http://127.0.0.1:"
                + poller.events().orElseThrow().port() + ManagementWebhooksEndpoint.PATH), HMAC_KEY));

        bed.simulator().cloud().reassign(listed.getPoiid(), listed.getMerchantAccount(), "ST-REASSIGNED-IN-SIMULATOR");

        await().atMost(Duration.ofSeconds(30)).until(() -> inventory.records().size() > before);
        ConsumerRecord<String, TerminalInventory> record = inventory.records().get(before);
        assertThat(record.key()).isEqualTo(listed.getPoiid());
        assertThat(record.value().getStore()).isEqualTo("ST-REASSIGNED-IN-SIMULATOR");
        assertThat(record.value().getAssignmentStatus()).isEqualTo("boarded");
        assertThat(record.value().getRestartLocalTime()).isEqualTo(listed.getRestartLocalTime()).isEqualTo("06:00");
        assertThat(source.refreshes()).as("no listing since: the webhook moved it").isEqualTo(1);
        // answered [accepted] just after the broker acknowledged it
        await().atMost(Duration.ofSeconds(10)).until(() -> webhooks.delivered() == 1 && counter("applied") == 1);
        assertThat(webhooks.failed()).isZero();
        assertThat(counter("bad_signature")).isZero();
    }

    @Test
    void aNewRestartHourInTheSimulatorsSettingsReachesTheInventoryThroughTheSettingsWebhook() throws Exception {
        RecordCollector<String, TerminalInventory> inventory = inventory();
        InventorySource source = poller.inventory().orElseThrow();
        awaitFirstListing(inventory, source);
        TerminalInventory listed = inventory.values().get(0);
        int before = inventory.records().size();
        bed.simulator().sendWebhooksTo(new ManagementWebhooks.Target(URI.create("http://127.0.0.1:"
                + poller.events().orElseThrow().port() + ManagementWebhooksEndpoint.PATH), HMAC_KEY));

        bed.simulator().cloud().restartAt(listed.getPoiid(), 3);

        // terminalSettings.modified names no setting: the poller reads hardware.restartHour from the terminal's settings
        await().atMost(Duration.ofSeconds(30)).until(() -> inventory.records().size() > before);
        ConsumerRecord<String, TerminalInventory> record = inventory.records().get(before);
        assertThat(record.key()).isEqualTo(listed.getPoiid());
        assertThat(record.value().getRestartLocalTime()).isEqualTo("03:00");
        assertThat(record.value().getStore()).isEqualTo(listed.getStore());
        assertThat(source.refreshes()).isEqualTo(1);
    }
}
