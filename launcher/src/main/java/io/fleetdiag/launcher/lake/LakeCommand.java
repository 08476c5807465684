package io.fleetdiag.launcher.lake;

import java.io.IOException;
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

    /** Every argument, in order, options included: the lake command parses them. */
    @Unmatched
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        List<String> command;
        try {
            command = LakeProcess.command(arguments);
        } catch (IllegalStateException e) {
            System.err.println("fleetdiag lake: " + e.getMessage());
            return 2;
        }
        Process lake = new ProcessBuilder(command).inheritIO().directory(Path.of("").toAbsolutePath().toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(lake::destroy, "lake-child-shutdown"));
        return lake.waitFor();
    }
}
