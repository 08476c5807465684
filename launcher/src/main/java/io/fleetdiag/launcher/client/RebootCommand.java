package io.fleetdiag.launcher.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fleetdiag reboot POIID} schedules a ForceReboot through the processor (Adyen's terminal actions; the alerts:operate
 * permission); {@code fleetdiag reboot --action ACTION_ID} shows where one stands.
 */
@Command(name = "reboot", mixinStandardHelpOptions = true,
        description = "Reboot a terminal through Adyen's terminal actions (ForceReboot at its next maintenance call), or follow one with --action.")
public final class RebootCommand implements Callable<Integer> {

    @Parameters(paramLabel = "POIID", arity = "0..1", description = "The terminal to reboot.")
    String poiid;

    @Option(names = "--action", paramLabel = "ACTION_ID", description = "Show the status of a reboot scheduled before instead.")
    String actionId;

    @Mixin
    ClientOptions client;

    @Override
    public Integer call() {
        if ((poiid == null) == (actionId == null)) {
            return Failure.print("Give either a POIID to reboot or --action ACTION_ID to follow one");
        }
        if (actionId != null) {
            return ApiCall.run(client, "GET", "/api/reboots/" + encode(actionId), null, action -> "Reboot " + actionId + " of "
                    + action.path("poiid").asText() + ": " + action.path("status").asText()
                    + (action.path("confirmedAt").isTextual() ? " at " + action.path("confirmedAt").asText() : ""));
        }
        return ApiCall.run(client, "POST", "/api/terminals/" + encode(poiid) + "/reboot", Map.of(), scheduled -> "Scheduled a reboot of "
                + poiid + " as " + scheduled.path("by").asText() + ": action " + scheduled.path("actionId").asText()
                + " (fleetdiag reboot --action " + scheduled.path("actionId").asText() + " follows it)");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
