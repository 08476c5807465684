package io.fleetdiag.faults.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the suite counted. {@code checks} are the figures that must hold (lost 0, duplicate RAISED 0,
 * violations 0, every service alive, ...); {@code counts} say what happened to get there.
 */
public record Verdict(String size, long seed, Instant startedAt, double seconds, List<Check> checks, Map<String, Object> counts) {

    /** One figure and what it must be. */
    public record Check(String name, long value, long expected) {
        public boolean passed() {
            return value == expected;
        }
    }

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).findAndAddModules().build();

    public boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }

    public long value(String name) {
        return checks.stream().filter(check -> check.name().equals(name)).findFirst().orElseThrow().value();
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writeValue(file.toFile(), this);
    }

    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "fleetdiag fault suite, size %s, seed %d, %s, %.0f s: %s%n%n", size, seed, startedAt, seconds,
                passed() ? "PASSED" : "FAILED");
        out.println("| check | value | must be | |");
        out.println("|---|---:|---:|:---:|");
        checks.forEach(check -> out.printf(Locale.ROOT, "| %s | %,d | %,d | %s |%n", check.name(), check.value(), check.expected(),
                check.passed() ? "ok" : "**FAILED**"));
        out.println();
        out.println("| what happened | |");
        out.println("|---|---:|");
        counts.forEach((name, value) -> out.printf(Locale.ROOT, "| %s | %s |%n", name, value));
    }
}
