package io.fleetdiag.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.fleetdiag.simulator.fleet.Fleet;
import io.fleetdiag.simulator.fleet.Notice;
import io.fleetdiag.simulator.fleet.SdkExpiry;
import io.fleetdiag.simulator.inventory.InventoryEntry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator's Management webhooks and resent event notifications, received by a plain HTTP server. */
class ManagementWebhooksTest {

    private static final Instant NOW = Instant.parse("2026-12-05T20:40:00Z");
    private static final String HMAC_KEY = "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as received. */
    record Received(String body, String signature, String authorization) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failFirst = new AtomicInteger();
    private ScheduledExecutorService scheduler;
    private HttpServer server;
    private SimulatedCloud cloud;

    @BeforeEach
    void start() throws Exception {
        scheduler = Executors.newScheduledThreadPool(2);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failFirst.getAndDecrement() > 0 ? 503 : 200;
            if (status == 200) {
                received.add(new Received(body, exchange.getRequestHeaders().getFirst("HmacSignature"),
                        exchange.getRequestHeaders().getFirst("Authorization")));
            }
            byte[] answer = "[accepted]".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        Fleet fleet = Fleet.generate(20, 7, 1, new SdkExpiry.Rates(0), NOW);
        cloud = new SimulatedCloud(fleet, "key", new LatencyModel(1, 0), Clock.fixed(NOW, ZoneOffset.UTC), scheduler);
    }

    @AfterEach
    void stop() {
        server.stop(0);
        scheduler.shutdownNow();
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks");
    }

    private static String sign(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(HexFormat.of().parseHex(HMAC_KEY), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void eachInventoryChangeIsSentAsAdyensSignedWebhookAndRetriedAfterA5xx() throws Exception {
        ManagementWebhooks webhooks = cloud.sendWebhooksTo(new ManagementWebhooks.Target(url(), HMAC_KEY));
        InventoryEntry first = cloud.inventory().entries().get(0);
        failFirst.set(1);

        InventoryEntry moved = cloud.reassign(first.id(), first.merchantId(), "ST-NEW");
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
        cloud.board(first.id(), first.merchantId(), "ST-BOARDED");
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
        cloud.restartAt(first.id(), 3);
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 3);

        assertThat(moved.storeId()).isEqualTo("ST-NEW");
        assertThat(moved.status()).isEqualTo("boarded");
        assertThat(cloud.inventory().entry(first.id()).orElseThrow().restartLocalTime()).isEqualTo("03:00");
        for (Received request : received) {
            assertThat(request.signature()).as(request.body()).isEqualTo(sign(request.body()));
        }
        JsonNode assignment = JSON.readTree(received.get(0).body());
        assertThat(assignment.has("type")).as("Adyen's terminalAssignment.completed has no type").isFalse();
        assertThat(assignment.path("uniqueTerminalId").asText()).isEqualTo(first.id());
        assertThat(assignment.path("assignedToAccount").asText()).isEqualTo(first.merchantId());
        assertThat(assignment.path("assignedToStoreId").asText()).isEqualTo("ST-NEW");
        assertThat(assignment.path("eventDate").asText()).isEqualTo("2026-12-05T20:40:00Z");
        assertThat(assignment.path("pspReference").asText()).isNotBlank();
        JsonNode boarding = JSON.readTree(received.get(1).body());
        assertThat(boarding.path("type").asText()).isEqualTo("terminalBoarding.triggered");
        assertThat(boarding.path("environment").asText()).isEqualTo("test");
        assertThat(boarding.path("data").path("uniqueTerminalId").asText()).isEqualTo(first.id());
        assertThat(boarding.path("data").path("companyId").asText()).isEqualTo(InventoryEntry.COMPANY_ID);
        assertThat(boarding.path("data").path("storeId").asText()).isEqualTo("ST-BOARDED");
        JsonNode settings = JSON.readTree(received.get(2).body());
        assertThat(settings.path("type").asText()).isEqualTo("terminalSettings.modified");
        assertThat(settings.path("data").path("terminalId").asText()).isEqualTo(first.id());
        assertThat(settings.path("data").path("updateSource").asText()).isEqualTo("Management Api");
        assertThat(settings.path("data").path("user").asText()).isNotBlank();
        assertThat(webhooks.delivered()).isEqualTo(3);
        assertThat(webhooks.lastRefusal()).startsWith("503");
    }

    @Test
    void aFloodResendsEveryNotificationTenTimes() {
        EventNotifier notifier = new EventNotifier(new EventNotifier.Target(url(), "u", "p"), 1.0, 10, scheduler, 7);

        notifier.notice(new Notice("V400m-1", "OutOfOrder", "reason=test", true, NOW.toEpochMilli()));

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 11);
        assertThat(received).extracting(Received::body).containsOnly(received.get(0).body());
        assertThat(received).extracting(Received::authorization).containsOnly("Basic dTpw");
        assertThat(notifier.delivered()).isEqualTo(11);
    }
}
