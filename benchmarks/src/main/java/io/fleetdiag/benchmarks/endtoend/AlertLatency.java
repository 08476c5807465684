package io.fleetdiag.benchmarks.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdiag.benchmarks.BenchContext;
import io.fleetdiag.benchmarks.BenchmarkSize;
import io.fleetdiag.benchmarks.Scenario;
import io.fleetdiag.benchmarks.report.Figure;
import io.fleetdiag.benchmarks.report.ScenarioResult;
import io.fleetdiag.testsupport.harness.Http;
import io.fleetdiag.benchmarks.support.LocalRun;
import io.fleetdiag.benchmarks.support.RecordWatcher;
import io.fleetdiag.benchmarks.support.Stats;
import io.fleetdiag.testsupport.harness.Waits;
import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.AlertType;
import io.fleetdiag.schemas.CheckReason;
import io.fleetdiag.schemas.DiagnosisCheckRequest;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.topics.TopicCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Scenario 4: from a condition set on a simulated terminal to its alert on terminal-alerts, on a
 * {@code fleetdiag local} process (static fleet, polls every 5 s). Offline: terminals taken off the
 * cloud through the simulator's admin API, until TERMINAL_OFFLINE arrives; the processor needs two
 * missed snapshots, so the bound is two poll intervals and a second. Diagnosis: terminals given a
 * printer, communication and batch fault, then a MANUAL check, one every 100 ms; from the result that
 * showed it to the alert naming that result's requestId, bounded by one second.
 */
public final class AlertLatency implements Scenario {

    private static final Duration POLL_INTERVAL = Duration.ofSeconds(5);
    private static final Duration DIAGNOSIS_SPACING = Duration.ofMillis(100);
    private static final Set<AlertType> DIAGNOSIS_TYPES = Set.of(AlertType.PRINTER_FAULT, AlertType.COMMUNICATION_FAULT,
            AlertType.UNCONFIRMED_BATCH);

    @Override
    public String name() {
        return "end-to-end";
    }

    @Override
    public ScenarioResult run(BenchContext context) throws Exception {
        BenchmarkSize size = context.size();
        long started = System.nanoTime();
        int samples = size.endToEndSamples;
        try (LocalRun local = LocalRun.start(context.workDir(), "end-to-end", size.endToEndTerminals, "static")) {
            local.awaitLiveTerminals(Duration.ofMinutes(3));
            List<String> candidates = settledTerminals(local, 2 * samples);
            List<String> offline = candidates.subList(0, samples);
            List<String> troubled = candidates.subList(samples, 2 * samples);
            TopicCatalog catalog = local.catalog();

            Map<String, Long> offlineSince = new HashMap<>();
            Map<String, Long> troubledSince = new HashMap<>();
            // keyed by status too: an UPDATED edge (a severity change within an episode) is not an alert's arrival, only RAISED is
            try (RecordWatcher<TerminalAlert> alerts = new RecordWatcher<>(local.bootstrapServers(), catalog.alerts(),
                    alert -> alert.getPoiid() + "|" + alert.getType() + "|" + alert.getStatus());
                 RecordWatcher<DiagnosisResult> results = new RecordWatcher<>(local.bootstrapServers(), catalog.results(),
                         DiagnosisResult::getRequestId)) {
                for (String poiid : offline) {
                    offlineSince.put(poiid, System.nanoTime());
                    Http.postJson(local.simulatorAdmin() + "/terminals/" + poiid, Map.of("online", false));
                }
                Map<String, Object> producerConfig = new HashMap<>();
                producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, local.bootstrapServers());
                producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
                try (KafkaProducer<String, DiagnosisCheckRequest> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
                        catalog.checkRequests().valueSerde().serializer())) {
                    for (String poiid : troubled) {
                        troubledSince.put(poiid, System.nanoTime());
                        Http.postJson(local.simulatorAdmin() + "/terminals/" + poiid,
                                Map.of("paper", "NoPaper", "communicationOk", false, "unconfirmed", 3));
                        producer.send(new ProducerRecord<>(catalog.checkRequests().name(), poiid, DiagnosisCheckRequest.newBuilder()
                                .setRequestId("e2e-" + poiid).setPoiid(poiid).setReason(CheckReason.MANUAL).setRequestedAt(Instant.now())
                                .build()));
                        producer.flush();
                        // one operator's check at a time, as they come: the latency of each, not how fast a burst drains
                        Thread.sleep(DIAGNOSIS_SPACING.toMillis());
                    }
                }
                Duration bound = POLL_INTERVAL.multipliedBy(2).plusSeconds(1);
                try {
                    Waits.until("every offline and diagnosis alert", bound.multipliedBy(6), Duration.ofMillis(200),
                            () -> offline.stream().allMatch(poiid -> offlineAlert(alerts, poiid) != null)
                                    && troubled.stream().allMatch(poiid -> diagnosisAlert(alerts, poiid) != null));
                } catch (IllegalStateException late) {
                    // reported below as missed alerts
                }

                List<Double> offlineSeconds = new ArrayList<>();
                for (String poiid : offline) {
                    Long at = offlineAlert(alerts, poiid);
                    if (at != null) {
                        offlineSeconds.add((at - offlineSince.get(poiid)) / 1e9);
                    }
                }
                List<Double> afterResultMs = new ArrayList<>();
                List<Double> afterConditionSeconds = new ArrayList<>();
                for (String poiid : troubled) {
                    String key = diagnosisKey(alerts, poiid);
                    if (key == null) {
                        continue;
                    }
                    long alertAt = alerts.arrivedAt(key);
                    afterConditionSeconds.add((alertAt - troubledSince.get(poiid)) / 1e9);
                    Long resultAt = results.arrivedAt(alerts.values().get(key).getRequestId());
                    if (resultAt != null) {
                        afterResultMs.add((alertAt - resultAt) / 1e6);
                    }
                }
                double boundSeconds = bound.toMillis() / 1000.0;
                double offlineP99 = Stats.percentile(offlineSeconds, 99);
                double diagnosisP99 = Stats.percentile(afterResultMs, 99);
                Map<String, Object> parameters = new LinkedHashMap<>();
                parameters.put("terminals", size.endToEndTerminals);
                parameters.put("offlineSamples", samples);
                parameters.put("diagnosisSamples", samples);
                parameters.put("pollInterval", POLL_INTERVAL.toSeconds() + "s");
                parameters.put("offlineAfterMissedSnapshots", 2);
                return new ScenarioResult(name(), "From a condition set on a simulated terminal to its alert on terminal-alerts",
                        parameters, List.of(
                                Figure.info("offline, p50", Stats.percentile(offlineSeconds, 50), "s"),
                                Figure.against("offline, p99", offlineP99, "s", "2 poll intervals + 1 s", boundSeconds, "ratio <= 1",
                                        offlineP99 <= boundSeconds),
                                Figure.info("diagnosis alert after its result, p50", Stats.percentile(afterResultMs, 50), "ms"),
                                Figure.against("diagnosis alert after its result, p99", diagnosisP99, "ms", "1 s", 1000, "ratio <= 1",
                                        diagnosisP99 <= 1000),
                                Figure.info("diagnosis alert after the condition was set, p50", Stats.percentile(afterConditionSeconds, 50), "s"),
                                Figure.target("alerts missing", 2L * samples - offlineSeconds.size() - afterResultMs.size(), "alerts", "= 0",
                                        offlineSeconds.size() + afterResultMs.size() == 2 * samples)),
                        (System.nanoTime() - started) / 1e9);
            }
        }
    }

    private static Long offlineAlert(RecordWatcher<TerminalAlert> alerts, String poiid) {
        return alerts.arrivedAt(poiid + "|" + AlertType.TERMINAL_OFFLINE + "|" + AlertStatus.RAISED);
    }

    private static Long diagnosisAlert(RecordWatcher<TerminalAlert> alerts, String poiid) {
        String key = diagnosisKey(alerts, poiid);
        return key == null ? null : alerts.arrivedAt(key);
    }

    /** The first diagnosis alert of the terminal to arrive, as its watcher key. */
    private static String diagnosisKey(RecordWatcher<TerminalAlert> alerts, String poiid) {
        String first = null;
        for (AlertType type : DIAGNOSIS_TYPES) {
            String key = poiid + "|" + type + "|" + AlertStatus.RAISED;
            Long at = alerts.arrivedAt(key);
            if (at != null && (first == null || at < alerts.arrivedAt(first))) {
                first = key;
            }
        }
        return first;
    }

    /**
     * Online terminals the processor also counts online and that have no active alert, so the alerts the
     * scenario causes are new episodes.
     */
    private static List<String> settledTerminals(LocalRun local, int wanted) throws Exception {
        JsonNode online = Http.getJson(local.simulatorAdmin() + "/terminals?online=true&limit=100000");
        Waits.until("the processor to count every live terminal online", Duration.ofMinutes(2), Duration.ofMillis(250),
                () -> local.online() >= online.size());
        List<String> settled = new ArrayList<>();
        for (JsonNode terminal : online) {
            if (settled.size() == wanted) {
                break;
            }
            String poiid = terminal.path("poiid").asText();
            JsonNode state = Http.getJsonOrNull(local.api() + "/api/terminals/" + poiid);
            if (state != null && state.path("presence").asText().equals("ONLINE") && state.path("activeAlerts").isEmpty()) {
                settled.add(poiid);
            }
        }
        if (settled.size() < wanted) {
            throw new IllegalStateException("Only " + settled.size() + " of " + wanted + " terminals are online without alerts");
        }
        return settled;
    }
}
