package io.fleetdiag.poller.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetdiag.poller.PollerService;
import io.fleetdiag.schemas.DeadLetter;
import io.fleetdiag.schemas.TerminalEvent;
import io.fleetdiag.simulator.SimulatorConfig;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The poller's POST /terminal-events on its own listener, against the real broker and registry. */
@ExtendWith(TestClusterExtension.class)
class TerminalEventsIT {

    private static final String KEY = "AQEevents-terminal-key";
    private static final String USER = "store-events";
    private static final String PASSWORD = "s3cret-event-url-password";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Testbed bed;
    private PollerService poller;

    @BeforeEach
    void start(TestCluster testCluster) throws Exception {
        bed = Testbed.start(testCluster, "events", SimulatorConfig.defaults(KEY).withTerminals(20).withReferenceTerminals(false));
        poller = bed.keep(PollerService.start(bed.config(PollerService.defaults(), bed.pollerSettings(), Map.of("inventory.endpoint", "",
                        "events.port", "0", "events.username", USER, "events.password", PASSWORD, "events.max-body", "4096")),
                TerminalApiClient.create(bed.terminalApi(KEY)), Map.of(), new CompletableFuture<>()));
    }

    @AfterEach
    void close() throws Exception {
        bed.close();
    }

    static String notification(String poiid, String event, String timeStamp) {
        return """
                {"SaleToPOIRequest":{"MessageHeader":{"ProtocolVersion":"3.0","MessageClass":"Event","MessageCategory":"Event",
                "MessageType":"Notification","ServiceID":"2911150543","DeviceID":"1691468545","SaleID":"POSSystemID12345","POIID":"%s"},
                "EventNotification":{"EventToNotify":"%s","EventDetails":"newstate=IDLE&oldstate=START","TimeStamp":"%s",
                "MaintenanceRequiredFlag":true}}}""".formatted(poiid, event, timeStamp);
    }

    private HttpResponse<String> post(String body, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + poller.events().orElseThrow().port()
                        + TerminalEventsEndpoint.PATH))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long endOffsets(String topic) throws Exception {
        try (Admin admin = bed.cluster().admin()) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream().mapToLong(ListOffsetsResultInfo::offset).sum();
        }
    }

    private RecordCollector<String, TerminalEvent> events() {
        return bed.keep(RecordCollector.start(bed.cluster(), bed.catalog().terminalEvents().name(), new StringDeserializer(),
                bed.catalog().terminalEvents().valueSerde().deserializer()));
    }

    private RecordCollector<String, DeadLetter> deadLetters() {
        return bed.keep(RecordCollector.start(bed.cluster(), bed.catalog().deadLetters().name(), new StringDeserializer(),
                bed.catalog().deadLetters().valueSerde().deserializer()));
    }

    @Test
    void anUnauthenticatedNotificationIsRefusedWith401AndAMessageAndIsNotWritten() throws Exception {
        RecordCollector<String, TerminalEvent> events = events();
        RecordCollector<String, DeadLetter> deadLetters = deadLetters();
        String body = notification("V400m-100000001", "OutOfOrder", "2026-05-25T10:00:00.000Z");

        HttpResponse<String> none = post(body, null, null);
        HttpResponse<String> wrong = post(body, USER, "guess");
        HttpResponse<String> malformedWrong = post("{not json", USER, "guess");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).contains("No credentials");
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Wrong username or password").doesNotContain(PASSWORD);
        assertThat(malformedWrong.statusCode()).isEqualTo(401);

        // a good one after them is the only record on either topic
        assertThat(post(notification("V400m-100000002", "Shutdown", "2026-05-25T10:00:01.000Z"), USER, PASSWORD).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> events.values().size() == 1);
        assertThat(events.values()).extracting(TerminalEvent::getPoiid).containsExactly("V400m-100000002");
        assertThat(deadLetters.values()).isEmpty();
    }

    @Test
    void resendsAreWrittenOnceAndEachAnswerComesAfterTheBrokerHasTheRecord() throws Exception {
        RecordCollector<String, TerminalEvent> events = events();
        String first = notification("V400m-100000003", "OutOfOrder", "2026-05-25T10:00:00.000Z");

        List<CompletableFuture<HttpResponse<String>>> resends = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            resends.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return post(first, USER, PASSWORD);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        // the same TimeStamp in another offset is the same notification
        HttpResponse<String> sameMoment = post(notification("V400m-100000003", "OutOfOrder", "2026-05-25T12:00:00+0200"), USER, PASSWORD);
        HttpResponse<String> later = post(notification("V400m-100000003", "OutOfOrder", "2026-05-25T10:05:00.000Z"), USER, PASSWORD);

        assertThat(resends.get(0).get().statusCode()).isEqualTo(200);
        // no waiting: two distinct notifications were answered [accepted], so both are in the log already
        assertThat(endOffsets(bed.catalog().terminalEvents().name())).isGreaterThanOrEqualTo(2);
        for (CompletableFuture<HttpResponse<String>> resend : resends) {
            assertThat(resend.get().statusCode()).isEqualTo(200);
            assertThat(resend.get().body()).isEqualTo("[accepted]");
        }
        assertThat(sameMoment.statusCode()).isEqualTo(200);
        assertThat(later.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> events.values().size() >= 2);
        // one more poll's worth of time for a duplicate to show, had one been written
        assertThat(post(notification("V400m-100000009", "Shutdown", "2026-05-25T10:06:00.000Z"), USER, PASSWORD).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> events.values().size() >= 3);

        assertThat(events.values()).extracting(TerminalEvent::getEventId).containsExactly(
                "V400m-100000003|OutOfOrder|" + Instant.parse("2026-05-25T10:00:00Z").toEpochMilli(),
                "V400m-100000003|OutOfOrder|" + Instant.parse("2026-05-25T10:05:00Z").toEpochMilli(),
                "V400m-100000009|Shutdown|" + Instant.parse("2026-05-25T10:06:00Z").toEpochMilli());
        TerminalEvent event = events.values().get(0);
        assertThat(events.records().get(0).key()).isEqualTo("V400m-100000003");
        assertThat(event.getEventDetails()).isEqualTo("newstate=IDLE&oldstate=START");
        assertThat(event.getMaintenanceRequired()).isTrue();
        assertThat(event.getSaleId()).isEqualTo("POSSystemID12345");
    }

    @Test
    void aMalformedNotificationGets400WithTheReasonAndIsDeadLettered() throws Exception {
        RecordCollector<String, DeadLetter> deadLetters = deadLetters();
        RecordCollector<String, TerminalEvent> events = events();
        String noTime = notification("V400m-100000004", "OutOfOrder", "yesterday");

        HttpResponse<String> answer = post(noTime, USER, PASSWORD);
        HttpResponse<String> notJson = post("SaleToPOIRequest=EventNotification", USER, PASSWORD);
        HttpResponse<String> tooLarge = post("{\"pad\":\"" + "x".repeat(5000) + "\"}", USER, PASSWORD);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("TimeStamp is not a date-time: yesterday");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("not JSON");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.values().size() >= 2);
        DeadLetter letter = deadLetters.values().get(0);
        assertThat(deadLetters.records().get(0).key()).isEqualTo("V400m-100000004");
        assertThat(letter.getReason()).contains("TimeStamp is not a date-time");
        assertThat(letter.getApplication()).isEqualTo("fleetdiag-poller");
        assertThat(letter.getSourceTopic()).isEqualTo("http:POST /terminal-events");
        assertThat(StandardCharsets.UTF_8.decode(letter.getValue()).toString()).isEqualTo(noTime);
        assertThat(deadLetters.values().get(1).getReason()).contains("not JSON");
        assertThat(events.values()).isEmpty();
    }
}
