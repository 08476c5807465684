package io.fleetdiag.faults.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Attacks that reach for more than a caller may hold: event streams beyond the processor's caps, and a store
 * manager of one merchant account reading or writing past it through paging, {@code local=true}, another
 * account's alert or a silence of the fleet.
 */
final class ReachAttacks {

    private static final int STREAM_CLIENTS = 40;

    private final Target target;
    private final Callers callers;
    private final Tally tally;

    ReachAttacks(Target target, Callers callers, Tally tally) {
        this.target = target;
        this.callers = callers;
        this.tally = tally;
    }

    /**
     * One viewer asks for twice the streams a caller may hold, then a crowd asks {@value #STREAM_CLIENTS} times: each answer beyond
     * the caps is an attempt, refused by a 429 or 503; every stream admitted is closed at the end.
     */
    void streamFlood() throws Exception {
        List<HttpResponse<InputStream>> admitted = new ArrayList<>();
        try {
            String perCaller = "SSE: one caller beyond " + Callers.MAX_PER_CALLER + " streams";
            for (int i = 0; i < 2 * Callers.MAX_PER_CALLER; i++) {
                stream(callers.viewer(), perCaller, admitted, Callers.MAX_PER_CALLER);
            }
            String crowd = "SSE: " + STREAM_CLIENTS + " clients beyond the cap of " + Callers.MAX_STREAMS;
            for (int i = 0; i < STREAM_CLIENTS; i++) {
                stream(callers.crowd().get(i % callers.crowd().size()), crowd, admitted, Callers.MAX_STREAMS);
            }
        } finally {
            for (HttpResponse<InputStream> open : admitted) {
                open.body().close();
            }
        }
    }

    private void stream(String token, String kind, List<HttpResponse<InputStream>> admitted, int allowed) throws Exception {
        HttpResponse<InputStream> answer = target.stream(token);
        if (answer.statusCode() == 200 && admitted.size() < allowed) {
            admitted.add(answer);
            return;
        }
        tally.attempt(kind, answer.statusCode() == 429 || answer.statusCode() == 503, "answered " + answer.statusCode());
        if (answer.statusCode() == 200) {
            admitted.add(answer);
        } else {
            answer.body().close();
        }
    }

    /** The store manager of {@link Callers#account()} reads past it and writes beyond it; {@code foreignAlert} is another account's, if any. */
    void scopeEscapes(String other, String foreignAlert) throws Exception {
        String own = callers.account();
        int terminals = target.read(callers.operator(), "/api/terminals?size=1&merchantAccount=" + own).path("total").asInt();
        Map<String, Integer> paged = new LinkedHashMap<>();
        for (String path : List.of("/api/terminals?size=500", "/api/terminals?page=1&size=10", "/api/terminals?page=2147483647&size=500",
                "/api/terminals?size=2147483647", "/api/terminals?page=-1", "/api/terminals?merchantAccount=" + other)) {
            paged.put(path, terminals);
        }
        paged.put("/api/alerts?active=true&size=500", Integer.MAX_VALUE);
        paged.put("/api/alerts?active=true&merchantAccount=" + other, Integer.MAX_VALUE);
        paged.put("/api/stores?size=500", Integer.MAX_VALUE);
        paged.forEach((path, inScope) -> escape("scope escape through paging", path, inScope));
        escape("scope escape through local=true", "/api/terminals?local=true&limit=2147483647", terminals);
        escape("scope escape through local=true", "/api/terminals?local=true&limit=-1", terminals);
        escape("scope escape through local=true", "/api/alerts?active=true&local=true&limit=2147483647", Integer.MAX_VALUE);
        escape("scope escape through local=true", "/api/stores?local=true&limit=2147483647", Integer.MAX_VALUE);
        HttpResponse<String> fleet = target.json(callers.manager(), "GET", "/api/fleet?local=true", null);
        tally.attempt("scope escape through local=true", fleet.statusCode() != 200
                || Target.JSON.readTree(fleet.body()).path("terminals").asInt() <= terminals, "the fleet view counts more than " + terminals);

        if (foreignAlert != null) {
            int ack = target.json(callers.manager(), "POST", "/api/alerts/" + foreignAlert + "/ack", "{}").statusCode();
            tally.attempt("scope escape: acknowledge another account's alert", ack == 404, "answered " + ack);
        }
        int fleetSilence = target.json(callers.manager(), "POST", "/api/silences", Target.silence(null)).statusCode();
        tally.attempt("scope escape: silence the whole fleet", fleetSilence == 403, "answered " + fleetSilence);
        int otherSilence = target.json(callers.manager(), "POST", "/api/silences", Target.silence(other)).statusCode();
        tally.attempt("scope escape: silence another account", otherSilence == 403, "answered " + otherSilence);
    }

    /** Refused when the answer is a 4xx, or lists only the manager's account and counts no more than {@code inScope}. */
    private void escape(String kind, String path, int inScope) {
        try {
            HttpResponse<String> answer = target.json(callers.manager(), "GET", path, null);
            boolean refused = answer.statusCode() >= 400 && answer.statusCode() < 500;
            if (answer.statusCode() == 200) {
                JsonNode body = Target.JSON.readTree(answer.body());
                JsonNode items = body.isArray() ? body : body.path("items");
                List<String> accounts = new ArrayList<>();
                items.forEach(item -> accounts.add(item.path("merchantAccount").asText()));
                refused = accounts.stream().allMatch(callers.account()::equals) && accounts.size() <= inScope && body.path("total").asInt() <= inScope;
            }
            tally.attempt(kind, refused, "GET " + path + " answered " + answer.statusCode());
        } catch (Exception failed) {
            tally.attempt(kind, false, "GET " + path + " failed: " + failed);
        }
    }
}
