package io.fleetdiag.benchmarks.soak;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * CPU time as Linux counts it: of a process (every thread, user and system, from /proc through {@link ProcessHandle}),
 * of this JVM, and of the whole machine, so a run says how busy the machine was with work that was not its own.
 */
final class CpuClock {

    private CpuClock() {
    }

    /** CPU time a process has used so far; empty when it has exited or the platform does not tell. */
    static OptionalLong processNanos(long pid) {
        return ProcessHandle.of(pid).flatMap(handle -> handle.info().totalCpuDuration()).map(Duration::toNanos)
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /** CPU time this JVM (the broker and the harness) has used so far. */
    static long thisJvmNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Busy and total jiffies of all cores from /proc/stat, or empty where there is none. */
    static long[] machineJiffies() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long[] values = Arrays.stream(fields, 1, fields.length).mapToLong(Long::parseLong).toArray();
            long total = Arrays.stream(values).sum();
            // idle and iowait are not busy
            long idle = values[3] + (values.length > 4 ? values[4] : 0);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /** Peak resident set (VmHWM) of this JVM, in bytes. */
    static long thisJvmPeakRssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
