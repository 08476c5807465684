package io.fleetdiag.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The wrapper scripts in their documented argument forms, for real: each ends in {@code --help}, so its
 * JVM starts, parses everything before and stops. An integration test, as it needs the jars the reactor
 * packaged before this module; FLEETDIAG_NO_BUILD=1 keeps Maven out of it (a stale jar is reported, not built).
 */
class WrapperScriptsIT {

    private static final Path ROOT = Path.of(System.getProperty("fleetdiag.root", "..")).toAbsolutePath().normalize();

    @ParameterizedTest
    @ValueSource(strings = {
            "./fleetdiag --help",
            "./fleetdiag local --terminals 1000 --data-dir /tmp/fleetdiag-help --help",
            "./fleetdiag alerts --follow --json --help",
            "benchmarks/run --only processor --help",
            "benchmarks/run smoke --only processor,dispatcher --profile --help",
            "benchmarks/run --only dispatcher full --help",
            "fault-suite/run --help",
            "fault-suite/run smoke --seed 7 --help",
            "fault-suite/run --seed 7 default --help"})
    void startsAndParses(String command) throws Exception {
        Result result = run(command);

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("Usage:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"benchmarks/run --only processr", "benchmarks/run huge", "fault-suite/run full", "./fleetdiag locale"})
    void refusesWhatItDoesNotKnowBeforeDoingAnything(String command) throws Exception {
        Result result = run(command);

        assertThat(result.exit()).as(result.output()).isEqualTo(2);
        assertThat(result.output()).containsAnyOf("Unmatched argument", "takes");
    }

    private record Result(int exit, String output) {
    }

    private static Result run(String command) throws Exception {
        List<String> words = new ArrayList<>(List.of(command.split(" ")));
        words.set(0, ROOT.resolve(words.get(0)).toString());
        ProcessBuilder builder = new ProcessBuilder(words).directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().put("FLEETDIAG_NO_BUILD", "1");
        builder.environment().remove("FLEETDIAG_DRY_RUN");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }
}
