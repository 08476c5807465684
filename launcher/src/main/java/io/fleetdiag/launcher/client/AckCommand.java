package io.fleetdiag.launcher.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fleetdiag ack ALERT_ID [--note TEXT]}: acknowledges an active alert (docs/alert-operations.md); the
 * processor records who from the credential sent, not from anything the command says.
 */
@Command(name = "ack", mixinStandardHelpOptions = true,
        description = "Acknowledge an active alert: say that someone is on it. Its later edges and the queries show who, when and the note.")
public final class AckCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ALERT_ID", description = "The alertId, as `fleetdiag alerts` or GET /api/alerts shows it.")
    String alertId;

    @Option(names = "--note", paramLabel = "TEXT", description = "What is being done about it.")
    String note;

    @Mixin
    ClientOptions client;

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        if (note != null) {
            body.put("note", note);
        }
        return body;
    }

    @Override
    public Integer call() {
        return ApiCall.run(client, "POST", "/api/alerts/" + URLEncoder.encode(alertId, StandardCharsets.UTF_8) + "/ack", body(),
                ack -> "Acknowledged " + ack.path("type").asText() + " " + alertId + " of "
                        + (ack.path("poiid").isNull() ? ack.path("merchantAccount").asText() + "/" + ack.path("store").asText() : ack.path("poiid").asText())
                        + " as " + ack.path("acknowledgedBy").asText());
    }
}
