package io.fleetdiag.benchmarks.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The run's results: printed as a table, written as JSON (benchmarks/results/latest.json). */
public record Report(String size, Instant startedAt, double seconds, Map<String, Object> machine, List<ScenarioResult> scenarios) {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).findAndAddModules().build();

    public static Map<String, Object> thisMachine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        machine.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        return machine;
    }

    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        JSON.writeValue(file.toFile(), this);
    }

    public static Report read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Report.class);
    }

    public boolean targetsMet() {
        return scenarios.stream().allMatch(ScenarioResult::targetsMet);
    }

    /** A Markdown table, so the README's Performance section is this output as it is. */
    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "fleetdiag benchmarks, size %s, %s, %d cores, %s, %.0f s%n%n", size, startedAt,
                machine.get("cores"), machine.get("java"), seconds);
        out.println("| scenario | figure | value | baseline | ratio | target | met |");
        out.println("|---|---|---:|---:|---:|---|:---:|");
        for (ScenarioResult scenario : scenarios) {
            if (scenario.error() != null) {
                out.printf("| %s | did not finish: %s | | | | | **no** |%n", scenario.scenario(), scenario.error());
            }
            for (Figure figure : scenario.figures()) {
                out.printf(Locale.ROOT, "| %s | %s | %s %s | %s | %s | %s | %s |%n", scenario.scenario(), figure.name(),
                        number(figure.value()), figure.unit(),
                        figure.baseline() == null ? "" : number(figure.baseline()) + " (" + figure.baselineName() + ")",
                        figure.ratio() == null ? "" : String.format(Locale.ROOT, "%.2f", figure.ratio()),
                        figure.target() == null ? "" : figure.target(),
                        figure.met() == null ? "" : figure.met() ? "yes" : "**no**");
            }
        }
    }

    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%,.0f" : Math.abs(value) >= 10 ? "%.1f" : "%.2f", value);
    }
}
