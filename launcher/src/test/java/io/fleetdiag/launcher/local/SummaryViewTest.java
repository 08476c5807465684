package io.fleetdiag.launcher.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryViewTest {

    private static final SummaryView.Figures FIGURES = new SummaryView.Figures(990L, 1000, 10L, 7, 3,
            Map.of("SUCCESS", 1200L), Map.of("PRINTER_FAULT", 4L), 120L, 2L,
            List.of(new SummaryView.Alert(Instant.parse("2026-12-03T09:15:02Z"), "RAISED", "PRINTER_FAULT", "WARNING", "Printer out of paper")));

    @Test
    void theFirstScreenClearsBelowTheCursorAndEachNextOneMovesBackUpOverTheLast() {
        SummaryView view = new SummaryView(120, ZoneOffset.UTC);

        String first = view.screen(FIGURES);
        String second = view.screen(FIGURES);

        assertThat(first).startsWith("\r\033[J").doesNotContain("\033[2J").doesNotContain("A\r");
        assertThat(first).contains("  Terminals live    990 / 1000   (offline 10)\n")
                .contains("  Checks in flight  7   (busy answers, retried later: 3)\n")
                .contains("  Results           SUCCESS 1200\n")
                .contains("  Active alerts     PRINTER_FAULT 4\n")
                .contains("  Stores            120 (degraded 2)\n")
                .contains("    09:15:02 RAISED   PRINTER_FAULT              WARNING  Printer out of paper\n");
        long lines = first.chars().filter(c -> c == '\n').count();
        assertThat(second).isEqualTo("\033[" + lines + "A" + first);
    }

    @Test
    void linesWiderThanTheTerminalAreCutSoTheRedrawNeverWraps() {
        SummaryView view = new SummaryView(40, ZoneOffset.UTC);

        String screen = view.screen(FIGURES);

        assertThat(screen.substring("\r\033[J".length()).lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(40));
    }

    @Test
    void withoutATerminalEachUpdateIsOnePlainLine() {
        String line = SummaryView.line(FIGURES);

        assertThat(line).isEqualTo("fleetdiag local: 990 / 1000 terminals live, 7 checks in flight, results {SUCCESS=1200}, active alerts {PRINTER_FAULT=4}"
                + System.lineSeparator());
        assertThat(line).doesNotContain("\033");
    }

    @Test
    void countsNotKnownYetShowAsQuestionMarks() {
        SummaryView.Figures unknown = new SummaryView.Figures(null, 1000, null, 0, 0, Map.of(), Map.of(), null, null, List.of());

        assertThat(new SummaryView(120, ZoneOffset.UTC).screen(unknown)).contains("Terminals live    ? / 1000   (offline ?)")
                .contains("Results           -");
        assertThat(SummaryView.line(unknown)).startsWith("fleetdiag local: ? / 1000 terminals live");
    }

    @Test
    void theDashboardIsUnderTheRestPort() {
        assertThat(LocalCommand.dashboardUrl(18080)).isEqualTo("http://127.0.0.1:18080/dashboard/");
    }
}
