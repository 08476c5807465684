package io.fleetdiag.launcher.lake;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lake module's command ({@code io.fleetdiag.lake.LakeMain}) as a child JVM on the class path the lake
 * build writes, so Kafka Connect, Hadoop and DuckDB never join the services' class path (docs/lake.md).
 * Used by {@code fleetdiag lake} and {@code fleetdiag local --lake}.
 */
public final class LakeProcess {

    static final String MAIN = "io.fleetdiag.lake.LakeMain";

    private LakeProcess() {
    }

    /** The java command running LakeMain with {@code arguments}; fails with the build to run when the lake is not built. */
    public static List<String> command(List<String> arguments) throws IOException {
        Path lakeTarget = repository().resolve("lake").resolve("target");
        Path classpath = lakeTarget.resolve("lake.classpath");
        Path jar = lakeTarget.resolve("lake-0.1.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(classpath) || !Files.isRegularFile(jar)) {
            throw new IllegalStateException("the lake is not built: mvn -B -q -DskipTests -pl lake -am package"
                    + " (./fleetdiag builds it itself for `lake` and `local --lake`)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                jar + File.pathSeparator + Files.readString(classpath, StandardCharsets.UTF_8).trim(), MAIN));
        command.addAll(arguments);
        return command;
    }

    /** Where the lake build assembles the Connect plugin directory. */
    public static Path pluginPath() {
        return repository().resolve("lake-connect-plugin").resolve("target").resolve("plugin");
    }

    /**
     * The checkout this class was built in: the nearest directory above its jar or classes holding the
     * lake module (launcher/target/fleetdiag.jar for ./fleetdiag, benchmarks/target/lib/ for benchmarks/run).
     */
    private static Path repository() {
        Path location;
        try {
            location = Path.of(LakeProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the fleetdiag checkout from the launcher jar", e);
        }
        for (Path dir = location.getParent(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("lake").resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No fleetdiag checkout (a directory with lake/pom.xml) above " + location);
    }
}
