package io.fleetdiag.processor.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdiag.processor.reboot.RebootSettings;
import io.fleetdiag.processor.reboot.TerminalActionRecords;
import io.fleetdiag.schemas.TerminalAction;
import io.fleetdiag.service.Json;
import io.fleetdiag.service.http.HttpCall;
import io.fleetdiag.service.http.Permission;
import io.fleetdiag.service.http.Reply;
import io.fleetdiag.service.http.Route;
import io.fleetdiag.terminalapi.management.ManagementApiException;
import io.fleetdiag.terminalapi.management.TerminalActionsClient;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reboots a terminal, or every terminal of a store, through Adyen's terminal actions ({@code ForceReboot},
 * docs/alert-operations.md): for terminals the processor knows and the caller's scope covers (404 otherwise, as for unknown
 * ones), and follows each action. Every action scheduled, and every change of status a follow-up sees, is a record on
 * terminal-actions with the caller's subject ({@link TerminalActionRecords}). Without {@code reboot.endpoint} the routes answer
 * 503 saying what to set. What was recorded is read back from the processor's reboot table
 * ({@link io.fleetdiag.processor.reboot.RebootTable}, built from terminal-actions), through the instance owning the terminal, so
 * every instance answers alike and a restart forgets nothing.
 */
public final class RebootApi {

    private static final Logger LOG = LoggerFactory.getLogger(RebootApi.class);

    private final TerminalLookup terminals;
    private final StoreTerminals stores;
    private final Optional<TerminalActionsClient> actions;
    private final String companyId;
    private final Producer<String, TerminalAction> records;
    private final String topic;
    private final Reboots recorded;
    private final Clock clock;

    /** A terminal's reboots as the reboot table holds them: {@code {"poiid", "items": [...]}}, newest first. */
    @FunctionalInterface
    public interface Reboots {
        JsonNode reboots(HttpCall origin, String poiid) throws QueryException;
    }

    /** @param records writes to {@code topic} (terminal-actions); {@code recorded} reads what the topic holds, per terminal */
    public RebootApi(TerminalLookup terminals, StoreTerminals stores, Optional<RebootSettings> settings, Producer<String, TerminalAction> records,
                     String topic, Reboots recorded, Clock clock) {
        this.terminals = terminals;
        this.stores = stores;
        this.actions = settings.map(rebooting -> new TerminalActionsClient(rebooting.api()));
        this.companyId = settings.map(RebootSettings::companyId).orElse(null);
        this.records = records;
        this.topic = topic;
        this.recorded = recorded;
        this.clock = clock;
    }

    public List<Route> routes() {
        return List.of(
                Route.post("/api/terminals/{poiid}/reboot", Permission.OPERATE, "schedules a ForceReboot of a known terminal through"
                        + " Adyen's terminal actions (at its next maintenance call); 202 with the actionId", Failures.mapped(this::reboot)),
                Route.post("/api/stores/{merchantAccount}/{store}/reboot", Permission.OPERATE, "schedules a ForceReboot of every terminal"
                        + " of the store the caller sees, in calls of at most 100; 202 with each terminal's actionId and the refusals",
                        Failures.mapped(this::rebootStore)),
                Route.get("/api/reboots/{actionId}", Permission.READ, "a reboot's terminal action as Adyen reports it: pending, successful,"
                        + " failed, cancelled or tryLater; a change of status is recorded on terminal-actions", Failures.mapped(this::follow)),
                Route.get("/api/terminals/{poiid}/reboots", Permission.READ, "the terminal's reboots recorded on terminal-actions (its newest"
                        + " 20 of the last 90 days), newest first, each with its last status seen", Failures.mapped(this::recent)));
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
        answer.put("recorded", written(TerminalActionRecords.terminal(poiid, schedule, call.caller().subject(), clock.instant())));
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
        answer.put("recorded", written(TerminalActionRecords.store(merchantAccount, store, schedule, call.caller().subject(),
                clock.instant())));
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
            if (action.status() != null && changed(call, action)) {
                written(TerminalActionRecords.outcome(action, call.caller().subject(), clock.instant()));
            }
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

    private Reply recent(HttpCall call) throws QueryException {
        String poiid = call.param("poiid");
        terminals.terminal(call, poiid);
        return Reply.json(200, recorded.reboots(call, poiid).toString());
    }

    /**
     * Whether Adyen's status of {@code action} differs from the last one recorded. An action the table does not hold yet (its
     * SCHEDULED record still on its way) counts as pending, the status it was scheduled with, so following it at once records
     * nothing. Two instances following one change at the same moment may both record it: a repeat, never a loss.
     */
    private boolean changed(HttpCall call, TerminalActionsClient.Action action) throws QueryException {
        String kept = TerminalActionRecords.PENDING;
        for (JsonNode item : recorded.reboots(call, action.terminalId()).path("items")) {
            if (item.path("actionId").asText().equals(action.id())) {
                kept = item.path("status").asText();
            }
        }
        return !kept.equals(action.status());
    }

    /** Writes {@code keyed}; false when it could not be written (the actions stand). */
    private boolean written(TerminalActionRecords.Keyed keyed) {
        try {
            OperationRequests.written(records, new ProducerRecord<>(topic, keyed.key(), keyed.value()), "the terminal-actions topic");
            return true;
        } catch (QueryException.Unavailable e) {
            // the action is scheduled at Adyen already: refusing the call now would only make the caller schedule it again
            LOG.error("A {} {} of {} by {} is not on {}", keyed.value().getKind(), keyed.value().getActionType(), keyed.key(),
                    keyed.value().getBy(), topic);
            return false;
        }
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
