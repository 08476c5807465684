package io.fleetdiag.benchmarks.processor;

import io.fleetdiag.processor.ProcessorService;
import io.fleetdiag.processor.ProcessorSettings;
import io.fleetdiag.processor.ResultProcessorTopology;
import io.fleetdiag.service.KafkaSettings;
import io.fleetdiag.service.ServiceConfig;
import io.fleetdiag.testsupport.harness.Waits;
import io.fleetdiag.topics.TopicCatalog;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * How long an instance whose state directory was wiped takes to rebuild its tables from the changelogs
 * and process again: the processor's topology on its own configuration, started on an empty directory.
 */
final class StateRestore {

    /**
     * @param seconds        from the first changelog partition's restoration start to the last one's end
     * @param runningSeconds from start to RUNNING, group join included
     */
    record Restored(double seconds, double runningSeconds, long records) {
    }

    private StateRestore() {
    }

    static Restored fromChangelogs(ServiceConfig config, KafkaSettings kafka, TopicCatalog catalog, int partitions) throws Exception {
        // Streams does not leave its group on close, so the stopped instance's member would hold its
        // partitions until the session timeout: a crashed instance's replacement waits that long too,
        // but that is the group's timeout, not the restore
        String group = config.get("processor.application-id");
        try (Admin admin = Admin.create(kafka.admin())) {
            if (!admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().isEmpty()) {
                admin.removeMembersFromConsumerGroup(group, new RemoveMembersFromConsumerGroupOptions()).all().get();
            }
        }
        AtomicInteger restoring = new AtomicInteger();
        AtomicLong records = new AtomicLong();
        AtomicLong firstStart = new AtomicLong();
        AtomicLong lastEnd = new AtomicLong();
        ResultProcessorTopology.Config topology = new ResultProcessorTopology.Config(ProcessorSettings.from(config), catalog, partitions);
        long started = System.nanoTime();
        try (KafkaStreams streams = new KafkaStreams(ResultProcessorTopology.buildTopology(topology),
                ProcessorService.streamsProperties(config, kafka, catalog))) {
            streams.setGlobalStateRestoreListener(new StateRestoreListener() {
                @Override
                public void onRestoreStart(TopicPartition partition, String store, long from, long to) {
                    restoring.incrementAndGet();
                    firstStart.compareAndSet(0, System.nanoTime());
                }

                @Override
                public void onBatchRestored(TopicPartition partition, String store, long end, long count) {
                    records.addAndGet(count);
                }

                @Override
                public void onRestoreEnd(TopicPartition partition, String store, long total) {
                    restoring.decrementAndGet();
                    lastEnd.set(System.nanoTime());
                }

                @Override
                public void onRestoreSuspended(TopicPartition partition, String store, long total) {
                    restoring.decrementAndGet();
                }
            });
            CompletableFuture<Long> running = CommittedProgress.runningAt(streams);
            streams.start();
            long runningAt = running.get();
            Waits.until("the wiped processor to restore its tables", Duration.ofMinutes(15), Duration.ofMillis(50),
                    () -> restoring.get() == 0);
            return new Restored((lastEnd.get() - firstStart.get()) / 1e9, (runningAt - started) / 1e9, records.get());
        }
    }
}
