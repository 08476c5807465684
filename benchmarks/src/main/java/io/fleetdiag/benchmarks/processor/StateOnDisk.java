package io.fleetdiag.benchmarks.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;

/**
 * What a processor run left behind: its RocksDB directories, and the bytes its topics hold on the broker
 * (before compaction, so what was written), for the scale projection.
 */
final class StateOnDisk {

    private StateOnDisk() {
    }

    static long directoryBytes(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    /** Bytes on the broker of every topic whose name {@code groups} puts in a group, summed by group (in the groups' order). */
    static Map<String, Long> topicBytes(Admin admin, Map<String, Predicate<String>> groups) throws Exception {
        Set<Integer> brokers = Set.copyOf(admin.describeCluster().nodes().get().stream().map(org.apache.kafka.common.Node::id).toList());
        Map<String, Long> bytes = new LinkedHashMap<>();
        groups.keySet().forEach(group -> bytes.put(group, 0L));
        for (Map<String, LogDirDescription> dirs : admin.describeLogDirs(brokers).allDescriptions().get().values()) {
            for (LogDirDescription dir : dirs.values()) {
                dir.replicaInfos().forEach((partition, replica) -> groups.forEach((group, matches) -> {
                    if (matches.test(partition.topic())) {
                        bytes.merge(group, replica.size(), Long::sum);
                    }
                }));
            }
        }
        return bytes;
    }
}
