package io.fleetdiag.processor.api;

import io.fleetdiag.processor.reboot.RebootSettings;
import io.fleetdiag.service.Json;
import io.fleetdiag.service.http.HttpCall;
import io.fleetdiag.service.http.Permission;
import io.fleetdiag.service.http.Reply;
import io.fleetdiag.service.http.Route;
import io.fleetdiag.terminalapi.management.ManagementApiException;
import io.fleetdiag.terminalapi.management.TerminalActionsClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reboots a terminal, or every terminal of a store, through Adyen's terminal actions ({@code ForceReboot},
 * docs/alert-operations.md): for terminals the processor knows and the caller's scope covers (404 otherwise, as for unknown
 * ones), and follows each action. Without
 * {@code reboot.endpoint} the routes answer 503 saying what to set.
 */
public final class RebootApi {

    private static final Logger LOG = LoggerFactory.getLogger(RebootApi.class);

    private final TerminalLookup terminals;
    private final StoreTerminals stores;
    private final Optional<TerminalActionsClient> actions;
    private final String companyId;

    public RebootApi(TerminalLookup terminals, StoreTerminals stores, Optional<RebootSettings> settings) {
        this.terminals = terminals;
        this.stores = stores;
        this.actions = settings.map(rebooting -> new TerminalActionsClient(rebooting.api()));
        this.companyId = settings.map(RebootSettings::companyId).orElse(null);
    }

    public List<Route> routes() {
        return List.of(
                Route.post("/api/terminals/{poiid}/reboot", Permission.OPERATE, "schedules a ForceReboot of a known terminal through"
                        + " Adyen's terminal actions (at its next maintenance call); 202 with the actionId", Failures.mapped(this::reboot)),
                Route.post("/api/stores/{merchantAccount}/{store}/reboot", Permission.OPERATE, "schedules a ForceReboot of every terminal"
                        + " of the store the caller sees, in calls of at most 100; 202 with each terminal's actionId and the refusals",
                        Failures.mapped(this::rebootStore)),
                Route.get("/api/reboots/{actionId}", Permission.READ, "a reboot's terminal action as Adyen reports it: pending, successful,"
                        + " failed, cancelled or tryLater", Failures.mapped(this::follow)));
    }

    private Reply reboot(HttpCall call) throws QueryException {
        String poiid = call.param("poiid");
        terminals.terminal(call, poiid);
        TerminalActionsClient.Schedule schedule;
        try {
            schedule = client().forceReboot(List.of(poiid));
        } catch (ManagementApiException e) {
            throw failure(e);
        }
        if (schedule.scheduled().isEmpty()) {
            throw new QueryException.Conflict("Adyen did not schedule a reboot of " + poiid + ": "
                    + schedule.errors().getOrDefault(poiid, "no reason given"));
        }
        LOG.info("{} scheduled a ForceReboot of {}: action {}", call.caller().subject(), poiid, schedule.scheduled().get(0).actionId());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("poiid", poiid);
        answer.put("actionId", schedule.scheduled().get(0).actionId());
        answer.put("by", call.caller().subject());
        return Reply.json(202, Json.write(answer));
    }

    private Reply rebootStore(HttpCall call) throws QueryException {
        String merchantAccount = call.param("merchantAccount");
        String store = call.param("store");
        List<String> poiids = stores.poiids(call, merchantAccount, store);
        if (poiids.isEmpty()) {
            throw new QueryException.NotFound("No terminals of store " + merchantAccount + "/" + store);
        }
        TerminalActionsClient.Schedule schedule;
        try {
            schedule = client().forceReboot(poiids);
        } catch (ManagementApiException e) {
            throw failure(e);
        }
        LOG.info("{} scheduled a ForceReboot of {} terminals of {}/{} ({} refused)", call.caller().subject(), schedule.scheduled().size(),
                merchantAccount, store, schedule.errors().size());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("merchantAccount", merchantAccount);
        answer.put("store", store);
        answer.put("scheduled", schedule.scheduled().stream().map(one -> Map.of("poiid", one.terminalId(), "actionId", one.actionId())).toList());
        answer.put("errors", schedule.errors());
        answer.put("by", call.caller().subject());
        return Reply.json(202, Json.write(answer));
    }

    private Reply follow(HttpCall call) throws QueryException {
        TerminalActionsClient.Action action;
        try {
            action = client().action(companyId, call.param("actionId"));
        } catch (ManagementApiException e) {
            throw e.status() == 404 ? new QueryException.NotFound("No terminal action " + call.param("actionId")) : failure(e);
        }
        if (action.terminalId() != null) {
            terminals.terminal(call, action.terminalId());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("actionId", action.id());
        answer.put("poiid", action.terminalId());
        answer.put("actionType", action.actionType());
        answer.put("status", action.status());
        answer.put("result", action.result());
        answer.put("scheduledAt", action.scheduledAt() == null ? null : action.scheduledAt().toString());
        answer.put("confirmedAt", action.confirmedAt() == null ? null : action.confirmedAt().toString());
        return Reply.json(200, Json.write(answer));
    }

    private TerminalActionsClient client() throws QueryException {
        return actions.orElseThrow(() -> new QueryException.Unavailable("Rebooting is off: set reboot.endpoint, reboot.company-id and"
                + " MANAGEMENT_API_KEY (a key with the terminal actions role)"));
    }

    private static QueryException failure(ManagementApiException e) {
        LOG.warn("Adyen's terminal actions failed: {}", e.getMessage());
        return e.status() == 422 || e.status() == 400 ? new QueryException.BadRequest(e.getMessage())
                : new QueryException.Unavailable(e.getMessage());
    }
}
