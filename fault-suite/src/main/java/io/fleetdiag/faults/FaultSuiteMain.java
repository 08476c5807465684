package io.fleetdiag.faults;

import io.fleetdiag.faults.report.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code fault-suite/run [smoke|default]}: one run, its summary on the console and as JSON; exit 1 when a check fails. */
@Command(name = "fault-suite", mixinStandardHelpOptions = true,
        description = "Run fleetdiag's services under SIGKILLs, broker restarts, a misbehaving Adyen and garbage input, then count.")
public final class FaultSuiteMain implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private FaultSuiteSize size;

    // a setter, so a misspelt size is refused when the arguments are parsed
    @Option(names = "--size", defaultValue = "default", description = "smoke or default (default ${DEFAULT-VALUE}).")
    void size(String value) {
        size = Arrays.stream(FaultSuiteSize.values()).filter(s -> s.name().equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new ParameterException(spec.commandLine(), "--size takes smoke or default, not " + value));
    }

    private final Set<OptionalPhase> optional = EnumSet.noneOf(OptionalPhase.class);

    @Option(names = "--with", split = ",", paramLabel = "PHASE",
            description = "Optional phases to play as well: overload, receiver-outage (fault-suite/README.md says why they are not in every run).")
    void with(List<String> phases) {
        for (String phase : phases) {
            optional.add(OptionalPhase.named(phase).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "--with takes overload or receiver-outage, not " + phase)));
        }
    }

    @Option(names = "--seed", defaultValue = "20261123", description = "Seed of the schedule, the fleet and the garbage (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", defaultValue = "fault-suite/results/latest.json", description = "Where the summary goes (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--work-dir", description = "Broker data and every process's log (default: a new temporary directory).")
    Path workDir;

    public static void main(String[] args) {
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "fleetdiag-faults-log4j2.xml");
        }
        System.exit(new CommandLine(new FaultSuiteMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path work = workDir != null ? workDir : Files.createTempDirectory("fleetdiag-faults-");
        Files.createDirectories(work.resolve("logs"));
        // the broker and the simulator in this JVM log where the services do, so the leak checks read them too
        System.setProperty("fleetdiag.faults.log", work.resolve("logs").resolve("suite.log").toString());
        Verdict verdict = new FaultRun(size, seed, work, System.out, optional).run();
        verdict.write(out);
        System.out.println();
        verdict.print(System.out);
        System.out.println();
        System.out.println("Summary written to " + out.toAbsolutePath() + "; logs under " + work.resolve("logs"));
        return verdict.passed() ? 0 : 1;
    }
}
