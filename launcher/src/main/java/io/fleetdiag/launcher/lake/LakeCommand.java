package io.fleetdiag.launcher.lake;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code fleetdiag lake ...}: runs the lake module's own command ({@code io.fleetdiag.lake.LakeMain}) in
 * a child JVM on the class path the lake build writes, so Kafka Connect, Hadoop and DuckDB never join the
 * services' class path (docs/lake.md). Every argument is passed on: {@code fleetdiag lake --help}.
 */
@Command(name = "lake", description = "The analytics lake: a Connect worker writing Iceberg tables, and `lake query \"SQL\"` (docs/lake.md).",
        mixinStandardHelpOptions = false)
public final class LakeCommand implements Callable<Integer> {

    static final String MAIN = "io.fleetdiag.lake.LakeMain";

    /** Every argument, in order, options included: the lake command parses them. */
    @Unmatched
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path lakeTarget = repository().resolve("lake").resolve("target");
        Path classpath = lakeTarget.resolve("lake.classpath");
        Path jar = lakeTarget.resolve("lake-0.1.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(classpath) || !Files.isRegularFile(jar)) {
            System.err.println("fleetdiag lake: build the lake first: mvn -B -q -DskipTests -pl lake -am package");
            return 2;
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                jar + java.io.File.pathSeparator + Files.readString(classpath, StandardCharsets.UTF_8).trim(), MAIN));
        command.addAll(arguments);
        Process lake = new ProcessBuilder(command).inheritIO().directory(Path.of("").toAbsolutePath().toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(lake::destroy, "lake-child-shutdown"));
        return lake.waitFor();
    }

    /** The checkout the launcher jar was built in: launcher/target/fleetdiag.jar is two levels down. */
    private static Path repository() {
        try {
            Path jar = Path.of(LakeCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent().getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the fleetdiag checkout from the launcher jar", e);
        }
    }
}
