package io.fleetdiag.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetdiag.schemas.AlertStatus;
import io.fleetdiag.schemas.DiagnosisResult;
import io.fleetdiag.testsupport.JavaProcess;
import io.fleetdiag.testsupport.SampleRecords;
import io.fleetdiag.testsupport.TestCluster;
import io.fleetdiag.testsupport.TestClusterExtension;
import io.fleetdiag.testsupport.harness.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Connect worker as the separate JVM {@code fleetdiag lake} runs, killed with SIGKILL while records
 * flow (no task stop, no flush, no leaving the group) and started again: the Iceberg sink's exactly-once
 * commit leaves every result and every alert status exactly once. LakeIT covers a graceful stop.
 */
@ExtendWith(TestClusterExtension.class)
class LakeHardKillIT {

    /** The restarted worker's sink consumers wait for the killed member's session to expire (45 s) first. */
    private static final Duration LANDING = Duration.ofMinutes(2);

    @Test
    void workerKilledMidStreamAndRestartedLeavesEveryRowExactlyOnce(TestCluster cluster, @TempDir Path dataDir) throws Exception {
        try (LakeFixture lake = new LakeFixture(cluster, dataDir.resolve("lake")); Sender sender = new Sender(lake)) {
            int committedAtKill;
            int sentAtKill;
            try (JavaProcess first = startWorker(lake, dataDir)) {
                await().atMost(LANDING).until(() -> rows(lake, LakeTable.TERMINAL_ALERTS) > 0
                        && rows(lake, LakeTable.DIAGNOSIS_RESULTS) > 0);
                sentAtKill = sender.sent();
                committedAtKill = rows(lake, LakeTable.DIAGNOSIS_RESULTS);
                first.kill();
            }
            assertThat(committedAtKill).as("killed while records were still arriving").isLessThan(sentAtKill);

            try (JavaProcess second = startWorker(lake, dataDir)) {
                await().atMost(LANDING).until(() -> rows(lake, LakeTable.DIAGNOSIS_RESULTS) > committedAtKill);
                int sent = sender.stop();
                await().atMost(LANDING).until(() -> rows(lake, LakeTable.DIAGNOSIS_RESULTS) >= sent
                        && rows(lake, LakeTable.TERMINAL_ALERTS) >= 2 * sent);

                assertThat(lake.query("SELECT count(*), count(DISTINCT requestId) FROM diagnosis_results").get(0))
                        .containsExactly((long) sent, (long) sent);
                assertThat(lake.query("SELECT count(*), count(DISTINCT (alertId, status)) FROM terminal_alerts").get(0))
                        .containsExactly(2L * sent, 2L * sent);
            }
        }
    }

    private static int rows(LakeFixture lake, LakeTable table) {
        return Math.toIntExact(LakeQuery.committedRows(lake.settings.warehouse(), table));
    }

    /** {@code fleetdiag lake} in a child JVM on this class path, as the launcher starts it. */
    private static JavaProcess startWorker(LakeFixture lake, Path dataDir) throws Exception {
        LakeSettings settings = lake.settings;
        return JavaProcess.start("lake worker", LakeMain.class.getName(), List.of("-Xmx768m"), List.of(
                "--bootstrap-servers", settings.bootstrapServers(), "--registry", settings.schemaRegistryUrl(),
                "--data-dir", dataDir.toString(), "--plugin-path", settings.pluginPath().toString(),
                "--commit-interval", settings.commitInterval().toSeconds() + "s", "--rest-port", Integer.toString(FreePorts.next()),
                "--topics-prefix", lake.prefix), Map.of(), dataDir.resolve("lake-worker.log"));
    }

    /** Sends request i's result and its alert's RAISED and RESOLVED, i = 0, 1, ..., one at a time until stopped. */
    private static final class Sender implements AutoCloseable {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger sent = new AtomicInteger();
        private final CompletableFuture<Void> done;

        Sender(LakeFixture lake) {
            done = CompletableFuture.runAsync(() -> {
                while (running.get()) {
                    int i = sent.get();
                    lake.send(lake.catalog.results(), "t" + (i % 7), DiagnosisResult.newBuilder(SampleRecords.terminalResult())
                            .setRequestId("request-" + i).build());
                    lake.send(lake.catalog.alerts(), "t" + (i % 7), LakeIT.alert(i, AlertStatus.RAISED));
                    lake.send(lake.catalog.alerts(), "t" + (i % 7), LakeIT.alert(i, AlertStatus.RESOLVED));
                    sent.incrementAndGet();
                }
            });
        }

        /** Requests whose three records the broker has acknowledged. */
        int sent() {
            return sent.get();
        }

        /** Stops after the request in progress; how many were sent in all. */
        int stop() {
            running.set(false);
            done.join();
            return sent.get();
        }

        @Override
        public void close() {
            stop();
        }
    }
}
