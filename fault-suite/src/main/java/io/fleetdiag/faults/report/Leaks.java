package io.fleetdiag.faults.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdiag.faults.ledger.Ledger;
import io.fleetdiag.faults.services.Fleetdiag;
import io.fleetdiag.simulator.TerminalSimulator;
import io.fleetdiag.simulator.fleet.Terminal;
import io.fleetdiag.testsupport.harness.Http;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The API key and the terminals' IP addresses must not leak: the key is looked for in every log file of
 * every process, every /metrics page and every record on the topics, the addresses in the logs; the
 * processor's state of a terminal must hold its address, so the search is not vacuous.
 */
public record Leaks(String apiKey, Path logDir, Fleetdiag services, TerminalSimulator simulator, Ledger ledger) {

    private static final Pattern IPV4 = Pattern.compile("(?<![\\d.])(\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3})(?![\\d.])");

    public List<Verdict.Check> checks() throws Exception {
        Set<String> ips = simulator.fleet().terminals().stream().map(Leaks::address).collect(Collectors.toSet());
        long[] inLogs = linesContaining(List.of(line -> line.contains(apiKey), line -> containsAny(line, ips)));
        return List.of(new Verdict.Check("API key in log lines", inLogs[0], 0),
                new Verdict.Check("API key in /metrics", metricsContaining(apiKey), 0),
                new Verdict.Check("API key in records on the topics", ledger.secretSightings(), 0),
                new Verdict.Check("terminal IP addresses in log lines", inLogs[1], 0),
                new Verdict.Check("terminal IP address in its state (REST)", ipInState(), 1));
    }

    /** Per test, the log lines it holds for; each log is read once for all of them. */
    private long[] linesContaining(List<Predicate<String>> tests) throws IOException {
        long[] found = new long[tests.size()];
        List<Path> logs;
        try (Stream<Path> files = Files.list(logDir)) {
            logs = files.filter(Files::isRegularFile).toList();
        }
        for (Path log : logs) {
            try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
                lines.forEach(line -> {
                    for (int i = 0; i < found.length; i++) {
                        if (tests.get(i).test(line)) {
                            found[i]++;
                        }
                    }
                });
            }
        }
        return found;
    }

    private static boolean containsAny(String line, Set<String> ips) {
        Matcher matcher = IPV4.matcher(line);
        while (matcher.find()) {
            if (ips.contains(matcher.group(1))) {
                return true;
            }
        }
        return false;
    }

    private long metricsContaining(String secret) {
        return services.all().stream().filter(service -> {
            try {
                return Http.get(service.url("/metrics"), service.bearer()).contains(secret);
            } catch (Exception unreachable) {
                return false;
            }
        }).count();
    }

    /** Whether the processor's state of a live terminal holds the IP address the terminal reported. */
    private long ipInState() throws Exception {
        for (Terminal terminal : simulator.fleet().terminals()) {
            JsonNode state = Http.getJsonOrNull(services.processor().url("/api/terminals/" + terminal.poiid()),
                    services.processor().bearer());
            if (state == null) {
                continue;
            }
            JsonNode profile = state.path("lastSuccess").path("additionalResponse").path("networkProfile");
            if (profile.isArray() && !profile.isEmpty()) {
                return address(terminal).equals(profile.get(0).path("address").asText()) ? 1 : 0;
            }
        }
        return 0;
    }

    private static String address(Terminal terminal) {
        String json = new String(Base64.getDecoder().decode(terminal.networkProfile()), StandardCharsets.UTF_8);
        Matcher matcher = IPV4.matcher(json);
        return matcher.find() ? matcher.group(1) : "";
    }
}
