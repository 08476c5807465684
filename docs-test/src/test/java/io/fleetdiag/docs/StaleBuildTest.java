package io.fleetdiag.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ./fleetdiag rebuilds when a module's sources or poms are newer than its jar, and starts without Maven
 * when nothing changed (issue 18). Runs the real script in a copy of the repository's layout, with a
 * fake {@code mvn} and {@code java} on the PATH that only write down how they were called.
 */
class StaleBuildTest {

    private static final Path ROOT = Path.of(System.getProperty("fleetdiag.root", "..")).toAbsolutePath().normalize();
    private static final Instant BUILT = Instant.parse("2026-01-01T12:00:00Z");

    @TempDir
    Path home;

    private Path jar;
    private Path calls;

    @BeforeEach
    void aBuiltCheckout() throws IOException {
        copy("fleetdiag");
        copy("scripts/build-if-stale.sh");
        calls = home.resolve("calls.log");
        Path bin = Files.createDirectories(home.resolve("bin"));
        for (String tool : List.of("mvn", "java")) {
            Path fake = bin.resolve(tool);
            Files.writeString(fake, "#!/usr/bin/env bash\necho \"" + tool + " $*\" >> '" + calls + "'\n");
            Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        source("pom.xml", BUILT.minusSeconds(600));
        source("launcher/pom.xml", BUILT.minusSeconds(600));
        source("launcher/src/main/java/io/fleetdiag/launcher/A.java", BUILT.minusSeconds(600));
        source("launcher/target/classes/io/fleetdiag/launcher/A.class", BUILT.plusSeconds(600));
        jar = source("launcher/target/fleetdiag.jar", BUILT);
        source("launcher/target/registry/schema-registry-runner.jar", BUILT);
    }

    @Test
    void nothingChangedRunsTheJarWithoutMaven() throws Exception {
        Run run = fleetdiag(Map.of(), "local", "--terminals", "5");

        assertThat(run.calls()).singleElement().asString().startsWith("java ").endsWith("-jar " + jar + " local --terminals 5");
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void aNewerSourceRebuildsOnceAndSaysWhy() throws Exception {
        source("terminal-api/src/main/java/io/fleetdiag/terminalapi/B.java", BUILT.plusSeconds(60));

        Run first = fleetdiag(Map.of(), "--help");
        Run second = fleetdiag(Map.of(), "--help");

        assertThat(first.calls()).containsExactly("mvn -q -B -DskipTests -pl launcher -am package", "java -Xms256m -Xmx1g -XX:+UseG1GC -jar " + jar + " --help");
        assertThat(first.stderr()).contains("terminal-api/src/main/java/io/fleetdiag/terminalapi/B.java is newer than launcher/target/fleetdiag.jar");
        assertThat(second.calls()).hasSize(3).last().asString().startsWith("java ");
    }

    @Test
    void theLakeCommandsBuildTheLakeWhenItIsMissing() throws Exception {
        Files.createDirectories(home.resolve("lake/target"));
        Files.createDirectories(home.resolve("lake-connect-plugin/target/plugin/fleetdiag-iceberg"));

        Run query = fleetdiag(Map.of(), "lake", "query", "SELECT 1");
        Files.delete(calls);
        Run local = fleetdiag(Map.of(), "local", "--terminals", "5", "--lake");

        assertThat(query.calls()).first().isEqualTo("mvn -q -B -DskipTests -pl launcher,lake -am package");
        assertThat(query.stderr()).contains("lake/target/lake.classpath is missing");
        assertThat(local.calls()).as("built by the query before").singleElement().asString().startsWith("java ");
    }

    @Test
    void withoutTheLakeOnlyTheLauncherIsNeeded() throws Exception {
        assertThat(fleetdiag(Map.of(), "local", "--terminals", "5", "--data-dir", "lake").calls())
                .singleElement().asString().startsWith("java ");
    }

    @Test
    void aNewerPomRebuilds() throws Exception {
        source("result-processor/pom.xml", BUILT.plusSeconds(60));

        assertThat(fleetdiag(Map.of(), "--help").calls()).first().asString().startsWith("mvn ");
    }

    @Test
    void aMissingJarBuilds() throws Exception {
        Files.delete(home.resolve("launcher/target/registry/schema-registry-runner.jar"));

        Run run = fleetdiag(Map.of(), "--help");

        assertThat(run.calls()).first().asString().startsWith("mvn ");
        assertThat(run.stderr()).contains("launcher/target/registry/schema-registry-runner.jar is missing");
    }

    @Test
    void modulesTheLauncherDoesNotUseAndBuildOutputAreNotLookedAt() throws Exception {
        source("benchmarks/src/main/java/io/fleetdiag/benchmarks/C.java", BUILT.plusSeconds(60));
        source("docs-test/pom.xml", BUILT.plusSeconds(60));
        source(".fleetdiag/src/main/x.log", BUILT.plusSeconds(60));

        assertThat(fleetdiag(Map.of(), "--help").calls()).singleElement().asString().startsWith("java ");
    }

    @Test
    void noBuildSaysTheBuildIsStaleAndRunsWhatIsThere() throws Exception {
        source("launcher/src/main/java/io/fleetdiag/launcher/A.java", BUILT.plusSeconds(60));

        Run run = fleetdiag(Map.of("FLEETDIAG_NO_BUILD", "1"), "--help");

        assertThat(run.calls()).singleElement().asString().startsWith("java ");
        assertThat(run.stderr()).contains("the build is stale (launcher/src/main/java/io/fleetdiag/launcher/A.java is newer");
    }

    private record Run(List<String> calls, String stderr) {
    }

    private Run fleetdiag(Map<String, String> env, String... arguments) throws IOException, InterruptedException {
        List<String> line = new java.util.ArrayList<>(List.of(home.resolve("fleetdiag").toString()));
        line.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(line).directory(home.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("PATH", home.resolve("bin") + ":" + System.getenv("PATH"));
        builder.environment().remove("FLEETDIAG_NO_BUILD");
        builder.environment().remove("FLEETDIAG_DRY_RUN");
        builder.environment().remove("FLEETDIAG_JAVA_OPTS");
        builder.environment().putAll(env);
        Process process = builder.start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(stderr).isZero();
        return new Run(Files.exists(calls) ? Files.readAllLines(calls) : List.of(), stderr);
    }

    private void copy(String file) throws IOException {
        Path target = home.resolve(file);
        Files.createDirectories(target.getParent());
        Files.copy(ROOT.resolve(file), target, StandardCopyOption.COPY_ATTRIBUTES);
    }

    private Path source(String file, Instant modified) throws IOException {
        Path path = home.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, file);
        Files.setLastModifiedTime(path, FileTime.from(modified));
        return path;
    }
}
