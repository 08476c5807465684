package io.fleetdiag.lake;

import io.fleetdiag.topics.TopicNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fleetdiag lake}: runs the lake's Connect worker against a running fleetdiag (by default the
 * one {@code fleetdiag local} starts), and {@code fleetdiag lake query "SQL"} answers from the tables.
 * Its own JVM and class path, so Connect, Hadoop and DuckDB stay off the services' (docs/lake.md).
 */
@Command(name = "lake", mixinStandardHelpOptions = true, subcommands = LakeMain.Query.class,
        description = "Runs a Kafka Connect worker with the Iceberg sink writing fleetdiag's topics to <data-dir>/lake.")
public final class LakeMain implements Callable<Integer> {

    @Option(names = "--bootstrap-servers", defaultValue = "localhost:9092", description = "Kafka (default ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--registry", defaultValue = "http://localhost:8081/apis/ccompat/v6",
            description = "The registry's Confluent API (default ${DEFAULT-VALUE}).")
    String registry;

    @Option(names = "--data-dir", defaultValue = ".fleetdiag", description = "The lake is <data-dir>/lake (default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--plugin-path", defaultValue = "lake-connect-plugin/target/plugin",
            description = "Connect plugin.path holding fleetdiag-iceberg/ (default ${DEFAULT-VALUE}).")
    Path pluginPath;

    @Option(names = "--commit-interval", defaultValue = "10s",
            description = "Iceberg commit interval: how soon rows become queryable (default ${DEFAULT-VALUE}).")
    String commitInterval;

    @Option(names = "--rest-port", defaultValue = "8083", description = "The Connect worker's REST API (default ${DEFAULT-VALUE}).")
    int restPort;

    @Option(names = "--topics-prefix", defaultValue = "", description = "The services' topics.prefix, if they use one.")
    String topicsPrefix;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LakeMain()).execute(args));
    }

    @Override
    public Integer call() {
        LakeSettings settings = LakeSettings.of(bootstrapServers, registry, dataDir.resolve("lake"), pluginPath)
                .withTopics(TopicNames.from(Map.of("topics.prefix", topicsPrefix)), topicsPrefix)
                .withCommitInterval(Duration.parse("PT" + commitInterval.toUpperCase()))
                .withRestPort(restPort);
        LakeWorker worker = LakeWorker.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(worker::close, "lake-shutdown"));
        System.out.println("fleetdiag lake: writing " + LakeTable.all().size() + " tables to " + settings.warehouse()
                + "; query with: fleetdiag lake query \"SELECT type, count(*) FROM terminal_alerts GROUP BY 1\"");
        worker.awaitStop();
        return 0;
    }

    @Command(name = "query", mixinStandardHelpOptions = true,
            description = "Answers SQL (DuckDB) over the lake's tables: diagnosis_results, terminal_alerts, terminal_state, "
                    + "store_health, connectivity_snapshots.")
    static final class Query implements Callable<Integer> {

        @Parameters(index = "0", description = "The query, e.g. \"SELECT type, count(*) FROM terminal_alerts GROUP BY 1\".")
        String sql;

        @Option(names = "--data-dir", defaultValue = ".fleetdiag", description = "The lake is <data-dir>/lake (default ${DEFAULT-VALUE}).")
        Path dataDir;

        @Override
        public Integer call() {
            try {
                System.out.print(LakeQuery.run(dataDir.resolve("lake"), sql).render());
                return 0;
            } catch (IllegalArgumentException e) {
                System.err.println("fleetdiag lake query: " + e.getMessage());
                return 1;
            }
        }
    }
}
