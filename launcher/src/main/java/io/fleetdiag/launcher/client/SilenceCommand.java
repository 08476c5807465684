package io.fleetdiag.launcher.client;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fleetdiag silence --terminal P | --store MA/S [--type T] --until ISO | --for 2h [--reason TEXT]}:
 * alerts matching it are still recorded, flagged silenced, and do not page (docs/alert-operations.md). The
 * processor records who silenced from the credential sent.
 */
@Command(name = "silence", mixinStandardHelpOptions = true,
        description = "Silence alerts of a terminal, a store (or merchant account) and/or an alert type until a time: they are still"
                + " recorded, flagged silenced, and do not page.")
public final class SilenceCommand implements Callable<Integer> {

    @Option(names = "--terminal", paramLabel = "POIID", description = "A terminal.")
    String terminal;

    @Option(names = "--store", paramLabel = "MA/STORE", description = "A store as merchantAccount/store, or a whole merchant account.")
    String store;

    @Option(names = "--type", paramLabel = "TYPE", description = "An alert type, e.g. TERMINAL_OFFLINE; alone, or with --terminal or --store.")
    String type;

    @ArgGroup(exclusive = true, multiplicity = "1")
    End end;

    /** When the silence ends: a moment or a length from now. */
    static final class End {
        @Option(names = "--until", paramLabel = "ISO", description = "An ISO-8601 instant, e.g. 2026-12-01T18:00:00Z.")
        String until;

        @Option(names = "--for", paramLabel = "DURATION", description = "A length from now: 90m, 2h, 1d, 1h30m or PT2H.")
        String length;
    }

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for whoever wonders where the alerts went.")
    String reason;

    @Mixin
    ClientOptions client;

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** The request body; wrong options are a usage error, as picocli reports its own. */
    Map<String, Object> body(Instant now) {
        if (terminal == null && store == null && type == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Say what to silence: --terminal, --store and/or --type");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (terminal != null) {
            body.put("poiid", terminal);
        }
        if (store != null) {
            String[] parts = store.split("/", 2);
            body.put("merchantAccount", parts[0]);
            if (parts.length == 2) {
                body.put("store", parts[1]);
            }
        }
        if (type != null) {
            body.put("type", type.toUpperCase(Locale.ROOT));
        }
        body.put("until", until(now).toString());
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }

    private Instant until(Instant now) {
        try {
            return end.until != null ? Instant.parse(end.until) : now.plus(length(end.length));
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), end.until != null
                    ? "--until must be an ISO-8601 instant such as 2026-12-01T18:00:00Z, not " + end.until
                    : "--for must be a length such as 90m, 2h, 1d, 1h30m or PT2H, not " + end.length);
        }
    }

    static Duration length(String text) {
        String upper = text.strip().toUpperCase(Locale.ROOT);
        if (upper.startsWith("P")) {
            return Duration.parse(upper);
        }
        int days = upper.indexOf('D');
        String time = upper.substring(days + 1);
        return Duration.parse("P" + (days < 0 ? "" : upper.substring(0, days + 1)) + (time.isEmpty() ? "" : "T" + time));
    }

    @Override
    public Integer call() {
        return ApiCall.run(client, "POST", "/api/silences", body(Instant.now().truncatedTo(ChronoUnit.SECONDS)), silence -> "Silence " + silence.path("silenceId").asText()
                + " until " + silence.path("until").asText() + " by " + silence.path("by").asText() + "; end it early with `fleetdiag unsilence "
                + silence.path("silenceId").asText() + "`");
    }
}
