package io.fleetdiag.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.TerminalAlert;
import io.fleetdiag.testsupport.SampleRecords;
import io.fleetdiag.testsupport.TestCluster;
import io.fleetdiag.testsupport.TestClusterExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** fleetdiag's topics through a real Connect worker with the Iceberg sink into tables DuckDB queries. */
@ExtendWith(TestClusterExtension.class)
class LakeIT {

    private static final Duration LANDING = Duration.ofMinutes(3);

    @Test
    void everyLakeTopicLandsAsRowsWithTheirValuesAndTypes(TestCluster cluster, @TempDir Path warehouse) throws Exception {
        try (LakeFixture lake = new LakeFixture(cluster, warehouse)) {
            lake.send(lake.catalog.results(), "P400Plus-275039202", SampleRecords.terminalResult());
            lake.send(lake.catalog.results(), "mobile", SampleRecords.mobileResult());
            lake.send(lake.catalog.alerts(), "UX410-1234", SampleRecords.alert());
            lake.send(lake.catalog.terminalState(), "V400m-346403161", SampleRecords.terminalState());
            lake.send(lake.catalog.storeHealth(), "YOUR_STORE", SampleRecords.storeHealth());
            lake.send(lake.catalog.snapshots(), "scope", SampleRecords.snapshot());

            try (LakeWorker worker = lake.startWorker()) {
                await().atMost(LANDING).untilAsserted(() -> assertThat(List.of(
                        lake.rows(LakeTable.DIAGNOSIS_RESULTS), lake.rows(LakeTable.TERMINAL_ALERTS),
                        lake.rows(LakeTable.TERMINAL_STATE), lake.rows(LakeTable.STORE_HEALTH),
                        lake.rows(LakeTable.CONNECTIVITY_SNAPSHOTS))).containsExactly(2L, 1L, 1L, 1L, 1L));
            }

            OffsetDateTime at = SampleRecords.AT.atOffset(ZoneOffset.UTC);
            List<Object> alert = lake.query("SELECT alertId, status, type, severity, evidence['tamperStatus'], "
                    + "eventTime, resolvedAt FROM terminal_alerts").get(0);
            assertThat(alert.subList(0, 5)).containsExactly("alert-1", "RAISED", "TAMPER_DETECTED", "CRITICAL", "ARS_TRIGGERED");
            assertThat(((OffsetDateTime) alert.get(5)).toInstant()).isEqualTo(SampleRecords.AT);
            assertThat(alert.get(6)).isNull();

            List<Object> result = lake.query("SELECT requestId, outcome, poiStatus.globalStatus, "
                    + "additionalResponse.batteryLevel, len(hostStatuses), completedAt FROM diagnosis_results "
                    + "WHERE poiid = '" + SampleRecords.terminalResult().getPoiid() + "'").get(0);
            assertThat(result.get(1)).isEqualTo(SampleRecords.terminalResult().getOutcome().name());
            assertThat(result.get(2)).isEqualTo(SampleRecords.terminalResult().getPoiStatus().getGlobalStatus().name());
            assertThat(result.get(4)).isEqualTo((long) SampleRecords.terminalResult().getHostStatuses().size());
            assertThat(((OffsetDateTime) result.get(5)).toInstant()).isEqualTo(SampleRecords.terminalResult().getCompletedAt());

            assertThat(lake.query("SELECT poiid, presence, lastCheck.outcome, activeAlerts[1].alertId FROM terminal_state").get(0))
                    .containsExactly("V400m-346403161", "ONLINE", "SUCCESS", "alert-1");
            assertThat(lake.query("SELECT store, terminalsOnline, activeAlertsByType['TERMINAL_OFFLINE'], degraded FROM store_health").get(0))
                    .containsExactly("YOUR_STORE", 10, 2, false);
            assertThat(lake.query("SELECT snapshotId, chunkIndex, len(uniqueTerminalIds), polledAt = TIMESTAMPTZ '"
                    + at + "' FROM connectivity_snapshots").get(0))
                    .containsExactly(SampleRecords.snapshot().getSnapshotId(), 0, 5L, true);

            try (HadoopCatalog catalog = new HadoopCatalog(new Configuration(), warehouse.toUri().toString())) {
                for (LakeTable table : LakeTable.all()) {
                    Table iceberg = catalog.loadTable(TableIdentifier.of(LakeTable.NAMESPACE, table.name()));
                    assertThat(iceberg.spec().fields()).singleElement()
                            .satisfies(field -> assertThat(field.transform().toString()).isEqualTo("day"))
                            .satisfies(field -> assertThat(iceberg.schema().findColumnName(field.sourceId()))
                                    .isEqualTo(table.eventTime()));
                }
            }
        }
    }

    @Test
    void workerStoppedAndRestartedMidStreamLeavesNoDuplicateAndNoGap(TestCluster cluster, @TempDir Path warehouse) {
        int perRound = 150;
        try (LakeFixture lake = new LakeFixture(cluster, warehouse)) {
            sendAlerts(lake, 0, perRound);
            try (LakeWorker first = lake.startWorker()) {
                await().atMost(LANDING).until(() -> lake.rows(LakeTable.TERMINAL_ALERTS) > 0);
                sendAlerts(lake, perRound, perRound);
            }
            sendAlerts(lake, 2 * perRound, perRound);
            try (LakeWorker second = lake.startWorker()) {
                await().atMost(LANDING).until(() -> lake.rows(LakeTable.TERMINAL_ALERTS) >= 3L * 2 * perRound);
            }
            assertThat(lake.count("SELECT count(*) FROM terminal_alerts")).isEqualTo(3L * 2 * perRound);
            assertThat(lake.count("SELECT count(DISTINCT (alertId, status)) FROM terminal_alerts")).isEqualTo(3L * 2 * perRound);
        }
    }

    @Test
    void badRecordsGoToTheDeadLetterTopicAndANewOptionalFieldBecomesAColumn(TestCluster cluster, @TempDir Path warehouse)
            throws Exception {
        try (LakeFixture lake = new LakeFixture(cluster, warehouse)) {
            String topic = lake.catalog.alerts().name();
            lake.send(lake.catalog.alerts(), "a", alert(1, AlertStatus.RAISED));
            lake.sendRaw(topic, "garbage", new byte[] {1, 2, 3, 4, 5, 6});
            lake.sendRaw(topic, "evolved", Evolution.withNote(lake.registry, topic, alert(2, AlertStatus.RAISED), "evolved"));
            lake.send(lake.catalog.alerts(), "c", alert(3, AlertStatus.RAISED));

            try (LakeWorker worker = lake.startWorker();
                 DeadLetterReader deadLetters = new DeadLetterReader(cluster, lake.settings.deadLetterTopic())) {
                await().atMost(LANDING).until(() -> lake.rows(LakeTable.TERMINAL_ALERTS) == 3);
                await().atMost(LANDING).untilAsserted(() -> assertThat(deadLetters.reasons())
                        .singleElement().asString().contains("magic byte"));
            }
            assertThat(lake.query("SELECT alertId, coalesce(note, '-') FROM terminal_alerts ORDER BY alertId")).containsExactly(
                    List.of("alert-1", "-"), List.of("alert-2", "evolved"), List.of("alert-3", "-"));
        }
    }

    private static void sendAlerts(LakeFixture lake, int from, int count) {
        for (int i = from; i < from + count; i++) {
            lake.send(lake.catalog.alerts(), "t" + (i % 7), alert(i, AlertStatus.RAISED));
            lake.send(lake.catalog.alerts(), "t" + (i % 7), alert(i, AlertStatus.RESOLVED));
        }
    }

    static TerminalAlert alert(int i, AlertStatus status) {
        return TerminalAlert.newBuilder(SampleRecords.alert()).setAlertId("alert-" + i).setStatus(status)
                .setEvidence(Map.of("n", Integer.toString(i))).build();
    }
}
