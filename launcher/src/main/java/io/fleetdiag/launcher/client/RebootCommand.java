package io.fleetdiag.launcher.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fleetdiag reboot POIID} (or {@code --store MERCHANT_ACCOUNT/STORE}) schedules a ForceReboot through the processor
 * (Adyen's terminal actions; the alerts:operate permission); {@code fleetdiag reboot --action ACTION_ID} shows where one stands.
 */
@Command(name = "reboot", mixinStandardHelpOptions = true,
        description = "Reboot a terminal, or a store's terminals, through Adyen's terminal actions (ForceReboot at the next maintenance"
                + " call), or follow one with --action.")
public final class RebootCommand implements Callable<Integer> {

    @Parameters(paramLabel = "POIID", arity = "0..1", description = "The terminal to reboot.")
    String poiid;

    @Option(names = "--action", paramLabel = "ACTION_ID", description = "Show the status of a reboot scheduled before instead.")
    String actionId;

    @Option(names = "--store", paramLabel = "MERCHANT_ACCOUNT/STORE", description = "Reboot every terminal of the store instead.")
    String store;

    @Mixin
    ClientOptions client;

    @Override
    public Integer call() {
        if ((poiid == null ? 0 : 1) + (actionId == null ? 0 : 1) + (store == null ? 0 : 1) != 1) {
            return Failure.print("Give one of: a POIID to reboot, --store MERCHANT_ACCOUNT/STORE, or --action ACTION_ID to follow a reboot");
        }
        if (store != null) {
            int slash = store.indexOf('/');
            if (slash < 1 || slash == store.length() - 1) {
                return Failure.print("--store is MERCHANT_ACCOUNT/STORE, e.g. AcmeRetail_EU/EU-0001");
            }
            return ApiCall.run(client, "POST", "/api/stores/" + encode(store.substring(0, slash)) + "/" + encode(store.substring(slash + 1))
                    + "/reboot", Map.of(), scheduled -> "Scheduled a reboot of " + scheduled.path("scheduled").size() + " terminals of " + store
                    + " as " + scheduled.path("by").asText() + (scheduled.path("errors").isEmpty() ? "" : "; refused: " + scheduled.path("errors"))
                    + System.lineSeparator() + actions(scheduled.path("scheduled")));
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

    private static String actions(JsonNode scheduled) {
        StringBuilder lines = new StringBuilder();
        scheduled.forEach(one -> lines.append(one.path("poiid").asText()).append(" action ").append(one.path("actionId").asText())
                .append(System.lineSeparator()));
        return lines.toString().stripTrailing();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
