package io.fleetdiag.launcher.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fleetdiag silences [--all] [--json]}: the active silences. */
@Command(name = "silences", mixinStandardHelpOptions = true, description = "Print the active silences (--all: also ended ones).")
public final class SilencesCommand implements Callable<Integer> {

    /** The API's largest page. */
    private static final int PAGE = 500;

    @Option(names = "--all", description = "Also silences that ended.")
    boolean all;

    @Option(names = "--json", description = "The API's JSON.")
    boolean json;

    @Mixin
    ClientOptions client;

    @Override
    public Integer call() {
        return ApiCall.run(client, "GET", "/api/silences?size=" + PAGE + (all ? "&all=true" : ""), null, this::print);
    }

    private String print(JsonNode page) {
        if (json) {
            return page.toString();
        }
        JsonNode silences = page.path("items");
        if (silences.isEmpty()) {
            return all ? "No silences." : "No active silences.";
        }
        List<String> lines = new ArrayList<>();
        for (JsonNode silence : silences) {
            lines.add(String.format("%s  until %s  %s%s  by %s%s", silence.path("silenceId").asText(), silence.path("until").asText(),
                    scope(silence), silence.path("active").asBoolean() ? "" : "  (ended)", silence.path("by").asText(),
                    silence.path("reason").isNull() ? "" : ": " + silence.path("reason").asText()));
        }
        if (page.path("total").asLong() > silences.size()) {
            lines.add("(the first " + silences.size() + " of " + page.path("total").asLong() + "; the API pages the rest: GET /api/silences?page=1&size=" + PAGE + ")");
        }
        return String.join(System.lineSeparator(), lines);
    }

    static String scope(JsonNode silence) {
        List<String> parts = new ArrayList<>();
        if (!silence.path("poiid").isNull()) {
            parts.add("terminal " + silence.path("poiid").asText());
        }
        if (!silence.path("merchantAccount").isNull()) {
            parts.add("store " + silence.path("merchantAccount").asText()
                    + (silence.path("store").isNull() ? "" : "/" + silence.path("store").asText()));
        }
        if (!silence.path("type").isNull()) {
            parts.add("type " + silence.path("type").asText());
        }
        return String.join(", ", parts);
    }
}
