package io.fleetdiag.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetdiag.dispatcher.DispatcherService;
import io.fleetdiag.processor.ProcessorService;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.CheckReason;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.schemas.Severity;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.simulator.SimulatorConfig;
import io.fleetdiag.simulator.fleet.ReferenceTerminals;
import io.fleetdiag.terminalapi.TerminalApiClient;
import io.fleetdiag.teststack.Testbed;
import io.fleetdiag.testsupport.RecordCollector;
import io.fleetdiag.testsupport.TestCluster;
import io.fleetdiag.testsupport.TestClusterExtension;
import io.fleetdiag.testsupport.harness.Http;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mobile SDK diagnosis on the real broker with the simulator over HTTP (docs/alerts-escalation.md):
 * checks asked for without host diagnosis still reach an installation with HostDiagnosisFlag true,
 * so what only a host diagnosis shows raises its alert; and an iOS installation whose host diagnosis
 * still shows unconfirmed payments gets exactly one follow-up after the capture-retry wait, with no
 * other call to it inside the wait, and a host diagnosis after the SDK's wait forwards them.
 */
@ExtendWith(TestClusterExtension.class)
class MobileDiagnosisIT {

    private static final String KEY = "AQEmobile-it";
    private static final String IOS = "AC2ABBE8-EDD8-4E2B-AF45-8770FA2347DC.924";
    private static final String ANDROID = "SDK_INSTALLATION_ID";
    private static final Duration CAPTURE_WAIT = Duration.ofSeconds(8);

    private Testbed bed;
    @TempDir
    Path work;

    @BeforeEach
    void start(TestCluster cluster) throws Exception {
        bed = Testbed.start(cluster, "mobile", SimulatorConfig.defaults(KEY).withTerminals(20));
        String admin = bed.simulator().baseUrl() + "/admin";
        // the simulator's wait outlasts the test until the test ends it, so which payments wait does not depend on timing
        Http.postJson(admin + "/mobile", Map.of("iosCaptureWaitMs", Duration.ofHours(1).toMillis()));
        Http.postJson(admin + "/terminals/" + IOS, Map.of("unconfirmed", 3));
        Http.postJson(admin + "/terminals/" + ANDROID, Map.of("attestationStatus", "Rejected",
                "resolvableIssues", List.of(Map.of("name", "Developer options", "message", "Turn off developer options."))));

        ProcessorService processor = bed.keep(ProcessorService.start(bed.config(ProcessorService.defaults(), Map.of(
                "processor.application-id", bed.prefix() + "processor", "processor.state-dir", work.resolve("state").toString(),
                "processor.commit-interval", "100ms", "processor.ios-capture-wait", CAPTURE_WAIT.toSeconds() + "s")), Map.of(),
                new CompletableFuture<>()));
        assertThat(processor.awaitRunning(Duration.ofMinutes(3))).isTrue();

        ServiceConfig dispatcher = bed.config(DispatcherService.defaults(), Map.of("dispatcher.group-id", bed.prefix() + "dispatcher",
                "dispatcher.commit-interval", "200ms", "dispatcher.shutdown-grace", "5s"));
        TerminalApiClient client = TerminalApiClient.create(bed.terminalApi(KEY)
                .withRequestTimeout(dispatcher.duration("adyen.request-timeout")));
        bed.keep(DispatcherService.start(dispatcher, client, Map.of(), new CompletableFuture<>()));
    }

    @AfterEach
    void close() throws Exception {
        bed.close();
    }

    private void scheduled(KafkaProducer<String, DiagnosisCheckRequest> producer, String poiid, String requestId) throws Exception {
        producer.send(new ProducerRecord<>(bed.catalog().checkRequests().name(), poiid, DiagnosisCheckRequest.newBuilder()
                .setRequestId(requestId).setPoiid(poiid).setMerchantAccount(ReferenceTerminals.MERCHANT_ACCOUNT)
                .setReason(CheckReason.SCHEDULED).setHostDiagnosis(false).setRequestedAt(Instant.now()).build())).get();
    }

    @Test
    void installationsGetHostDiagnosesAndAnIosBatchGetsOneFollowUpAfterTheWait() throws Exception {
        try (RecordCollector<String, DiagnosisResult> results = RecordCollector.start(bed.cluster(), bed.catalog().results().name(),
                     new StringDeserializer(), bed.catalog().results().valueSerde().deserializer());
             RecordCollector<String, DiagnosisCheckRequest> checks = RecordCollector.start(bed.cluster(),
                     bed.catalog().checkRequests().name(), new StringDeserializer(),
                     bed.catalog().checkRequests().valueSerde().deserializer());
             RecordCollector<String, TerminalAlert> alerts = RecordCollector.start(bed.cluster(), bed.catalog().alerts().name(),
                     new StringDeserializer(), bed.catalog().alerts().valueSerde().deserializer());
             KafkaProducer<String, DiagnosisCheckRequest> producer = new KafkaProducer<>(bed.cluster().producerConfig(),
                     new StringSerializer(), bed.catalog().checkRequests().valueSerde().serializer())) {
            scheduled(producer, ANDROID, "android-scheduled");
            scheduled(producer, IOS, "ios-scheduled");

            DiagnosisCheckRequest followUp = await().atMost(Duration.ofMinutes(2)).until(() -> checks.values(check ->
                    check.getPoiid().equals(IOS) && check.getReason() == CheckReason.HOST_FOLLOWUP), list -> !list.isEmpty()).get(0);
            DiagnosisResult first = await().atMost(Duration.ofMinutes(1)).until(() ->
                    results.values(result -> result.getRequestId().equals("ios-scheduled")), list -> !list.isEmpty()).get(0);
            assertThat(first.getHostDiagnosis()).as("asked without, sent with host diagnosis").isTrue();
            assertThat(first.getAdditionalResponse().getUnconfirmedBatchCount()).isEqualTo(3);
            assertThat(followUp.getHostDiagnosis()).isTrue();
            assertThat(followUp.getTriggeredBy()).isEqualTo("ios-scheduled");
            assertThat(followUp.getNotBefore()).isEqualTo(first.getCompletedAt().plus(CAPTURE_WAIT));
            // another check of the installation asked for while the follow-up waits
            scheduled(producer, IOS, "ios-meanwhile");

            DiagnosisResult answer = await().atMost(Duration.ofMinutes(2)).until(() -> results.values(result ->
                    result.getRequestId().equals(followUp.getRequestId())), list -> !list.isEmpty()).get(0);
            assertThat(answer.getHostDiagnosis()).isTrue();
            assertThat(answer.getCompletedAt()).isAfterOrEqualTo(followUp.getNotBefore());
            assertThat(answer.getAdditionalResponse().getUnconfirmedBatchCount()).as("still within the SDK's wait").isEqualTo(3);

            // the SDK's wait is over: the next host diagnosis forwards the batch
            Http.postJson(bed.simulator().baseUrl() + "/admin/mobile", Map.of("iosCaptureWaitMs", 0));
            await().atMost(Duration.ofMinutes(1)).until(() -> results.values().stream().anyMatch(result ->
                    result.getRequestId().equals("ios-meanwhile") || result.getCoalescedRequestIds().contains("ios-meanwhile")));
            scheduled(producer, IOS, "ios-after");
            await().atMost(Duration.ofMinutes(2)).until(() -> !alerts.values(alert -> alert.getPoiid().equals(IOS)
                    && alert.getType() == AlertType.UNCONFIRMED_BATCH && alert.getStatus() == AlertStatus.RESOLVED).isEmpty());

            List<DiagnosisResult> ios = results.values(result -> result.getPoiid().equals(IOS));
            assertThat(ios).as("no call to the installation inside the wait")
                    .filteredOn(result -> result.getCompletedAt().isAfter(first.getCompletedAt())
                            && result.getCompletedAt().isBefore(followUp.getNotBefore()))
                    .isEmpty();
            assertThat(ios).filteredOn(result -> result.getRequestId().equals("ios-after")).singleElement()
                    .satisfies(result -> assertThat(result.getAdditionalResponse().getUnconfirmedBatchCount()).isZero());
            assertThat(checks.values(check -> check.getPoiid().equals(IOS) && check.getReason() == CheckReason.HOST_FOLLOWUP))
                    .as("exactly one follow-up: its own result does not ask again").hasSize(1);
            assertThat(alerts.values(alert -> alert.getPoiid().equals(IOS) && alert.getType() == AlertType.UNCONFIRMED_BATCH
                    && alert.getStatus() == AlertStatus.RAISED)).hasSize(1);

            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(alerts.values(alert -> alert.getPoiid().equals(ANDROID)
                    && alert.getType() == AlertType.ATTESTATION_PROBLEM)).singleElement().satisfies(alert -> {
                        assertThat(alert.getSeverity()).isEqualTo(Severity.CRITICAL);
                        assertThat(alert.getRemediation()).contains("Turn off developer options.");
                    }));
            assertThat(results.values(result -> result.getRequestId().equals("android-scheduled")))
                    .singleElement().satisfies(result -> assertThat(result.getHostDiagnosis()).isTrue());
        }
    }
}
