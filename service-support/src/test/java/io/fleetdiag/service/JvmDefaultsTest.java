package io.fleetdiag.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JvmDefaultsTest {

    /** Run in a JVM of two CPUs: prints where CompletableFuture's async steps run. */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("apply")) {
            JvmDefaults.apply();
        }
        System.out.print(new CompletableFuture<Void>().defaultExecutor() instanceof ForkJoinPool ? "common pool" : "thread per task");
    }

    private static String probe(boolean apply) throws Exception {
        Process process = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:ActiveProcessorCount=2", "-cp", System.getProperty("java.class.path"), JvmDefaultsTest.class.getName(),
                apply ? "apply" : "as-is").redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }

    @Test
    void onTwoCpusAsyncStepsRunOnTheCommonPoolOnlyOnceTheDefaultsAreApplied() throws Exception {
        assertThat(probe(false)).isEqualTo("thread per task");
        assertThat(probe(true)).isEqualTo("common pool");
    }
}
