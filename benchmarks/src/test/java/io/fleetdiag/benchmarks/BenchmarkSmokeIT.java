package io.fleetdiag.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdiag.benchmarks.report.Figure;
import io.fleetdiag.benchmarks.report.Report;
import io.fleetdiag.benchmarks.report.ScenarioResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every scenario at its smoke size, so the harness cannot rot: each must finish and report its
 * figures, and the JSON must read back. Speeds are not asserted; that is what the real run is for.
 */
class BenchmarkSmokeIT {

    @Test
    void everyScenarioRunsAndReportsItsFiguresWithBaselines() throws Exception {
        Path work = Files.createDirectories(Paths.get("target", "bench-smoke"));
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        Report report = BenchmarkMain.run(BenchmarkSize.SMOKE, work, List.of(), false, new PrintStream(progress, true, StandardCharsets.UTF_8));

        assertThat(report.scenarios()).extracting(ScenarioResult::scenario)
                .containsExactlyElementsOf(BenchmarkMain.scenarios().stream().map(Scenario::name).toList());
        for (ScenarioResult scenario : report.scenarios()) {
            assertThat(scenario.error()).as(scenario.scenario() + " failed; progress:%n%s", progress).isNull();
            assertThat(scenario.figures()).as(scenario.scenario()).isNotEmpty()
                    .allSatisfy(figure -> assertThat(Double.isFinite(figure.value())).as(figure.name()).isTrue());
            assertThat(scenario.figures()).as(scenario.scenario() + " holds a figure beside its baseline")
                    .anySatisfy(figure -> assertThat(figure.baseline()).isNotNull().isPositive());
        }
        Figure violations = figure(report, "dispatcher", "concurrent-request violations");
        assertThat(violations.value()).isZero();
        assertThat(figure(report, "notifier", "notifications lost").value()).isZero();
        assertThat(figure(report, "processor-instances", "instance 1, partitions").value()).isPositive();
        assertThat(figure(report, "notifier", "RESOLVED before its RAISED").value()).isZero();

        Path json = work.resolve("smoke.json");
        report.write(json);
        Report read = Report.read(json);
        assertThat(read.scenarios()).extracting(ScenarioResult::figures)
                .isEqualTo(report.scenarios().stream().map(ScenarioResult::figures).toList());
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        report.print(new PrintStream(table, true, StandardCharsets.UTF_8));
        assertThat(table.toString(StandardCharsets.UTF_8)).contains("| processor | full topology |",
                "| processor | state floor (median pair) |", "| processor | stored-state floor (median pair) |",
                "| processor-instances | 3 instances together |",
                "| local-footprint | peak RSS |", "| lake | rows into Iceberg |",
                "| notifier | alert to receiver, p99 |", "| notifier | notifications per second |", "| soak | scheduled checks per second |",
                "| soak | last successful check's age, p99 |", "| soak | CPU-ms per terminal per hour, three services |");
    }

    private static Figure figure(Report report, String scenario, String name) {
        return report.scenarios().stream().filter(result -> result.scenario().equals(scenario)).findFirst().orElseThrow()
                .figures().stream().filter(figure -> figure.name().equals(name)).findFirst().orElseThrow();
    }
}
