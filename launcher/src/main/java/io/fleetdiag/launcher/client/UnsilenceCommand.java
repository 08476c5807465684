package io.fleetdiag.launcher.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code fleetdiag unsilence SILENCE_ID}: ends a silence before its end time, as whoever the credential names. */
@Command(name = "unsilence", mixinStandardHelpOptions = true, description = "End a silence now, before its end time.")
public final class UnsilenceCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SILENCE_ID", description = "As `fleetdiag silences` shows it.")
    String silenceId;

    @Mixin
    ClientOptions client;

    @Override
    public Integer call() {
        return ApiCall.run(client, "DELETE", "/api/silences/" + URLEncoder.encode(silenceId, StandardCharsets.UTF_8), null,
                silence -> "Ended silence " + silenceId + " as " + silence.path("endedBy").asText());
    }
}
