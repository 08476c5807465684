package io.fleetdiag.launcher.local;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the local run's summary reads: on a terminal one screen redrawn in place (the cursor goes back up
 * over the last drawing, which is cleared, so what was printed above it stays), elsewhere one line per update.
 */
final class SummaryView {

    /** What the summary shows at one moment; null counts are not known yet. */
    record Figures(Long online, int terminals, Long offline, long inFlight, long busyRetried, Map<String, Long> results,
                   Map<String, Long> activeAlerts, Long stores, Long degradedStores, List<Alert> newest) {
    }

    /** One of the newest alerts. */
    record Alert(Instant at, String status, String type, String severity, String summary) {
    }

    private static final String CURSOR_UP = "\033[%dA";
    private static final String CLEAR_TO_END = "\r\033[J";

    private final int width;
    private final DateTimeFormatter time;
    private int drawnLines;

    /** @param width characters per line: longer lines are cut, since a wrapped line would spoil the redraw */
    SummaryView(int width, ZoneId zone) {
        this.width = width;
        this.time = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);
    }

    /** The screen, starting with the moves that put it over the previous one. */
    String screen(Figures figures) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("  Terminals live    %s / %d   (offline %s)", known(figures.online()), figures.terminals(), known(figures.offline())));
        lines.add(String.format("  Checks in flight  %d   (busy answers, retried later: %d)", figures.inFlight(), figures.busyRetried()));
        lines.add("  Results           " + counts(figures.results()));
        lines.add("  Active alerts     " + counts(figures.activeAlerts()));
        lines.add(String.format("  Stores            %s (degraded %s)", known(figures.stores()), known(figures.degradedStores())));
        lines.add("");
        lines.add("  Newest alerts");
        for (Alert alert : figures.newest()) {
            lines.add(String.format("    %s %-8s %-26s %-8s %s", time.format(alert.at()), alert.status(), alert.type(), alert.severity(), alert.summary()));
        }
        StringBuilder text = new StringBuilder();
        if (drawnLines > 0) {
            text.append(String.format(CURSOR_UP, drawnLines));
        }
        text.append(CLEAR_TO_END);
        for (String line : lines) {
            text.append(line.length() > width ? line.substring(0, width) : line).append('\n');
        }
        drawnLines = lines.size();
        return text.toString();
    }

    /** One line for a log or a pipe. */
    static String line(Figures figures) {
        return String.format("fleetdiag local: %s / %d terminals live, %d checks in flight, results %s, active alerts %s%n", known(figures.online()),
                figures.terminals(), figures.inFlight(), braces(figures.results()), braces(figures.activeAlerts()));
    }

    private static String known(Long value) {
        return value == null ? "?" : value.toString();
    }

    private static String counts(Map<String, Long> counts) {
        if (counts == null || counts.isEmpty()) {
            return "-";
        }
        StringBuilder text = new StringBuilder();
        counts.forEach((name, count) -> text.append(name).append(' ').append(count).append("  "));
        return text.toString().trim();
    }

    private static String braces(Map<String, Long> counts) {
        return counts == null ? "{}" : counts.toString();
    }
}
