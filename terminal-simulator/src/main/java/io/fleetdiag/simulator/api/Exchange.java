package io.fleetdiag.simulator.api;

import io.fleetdiag.service.http.HttpCall;
import io.fleetdiag.service.http.Permission;
import io.fleetdiag.service.http.Reply;
import io.fleetdiag.service.http.Route;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** One call to the simulator and its answer, given now or later from another thread (after a simulated latency). */
final class Exchange {

    private final HttpCall call;
    private final CompletableFuture<Reply> answer = new CompletableFuture<>();
    private volatile Integer retryAfter;

    Exchange(HttpCall call) {
        this.call = call;
    }

    /** A route whose {@code action} answers through an exchange, at once or later. */
    static Route route(String method, String path, Permission permission, String doc, Consumer<Exchange> action) {
        return Route.later(method, path, permission, doc, call -> {
            Exchange exchange = new Exchange(call);
            action.accept(exchange);
            return exchange.answer;
        });
    }

    HttpCall call() {
        return call;
    }

    String path() {
        return call.path();
    }

    String header(String name) {
        return call.header(name.toLowerCase(Locale.ROOT));
    }

    String query(String name) {
        return call.query(name, null);
    }

    String body() {
        return call.body();
    }

    void json(int status, String body) {
        reply(status, "application/json", body);
    }

    void reply(int status, String contentType, String body) {
        Reply reply = new Reply(status, contentType + "; charset=utf-8", body);
        answer.complete(retryAfter == null ? reply : reply.with("Retry-After", Integer.toString(retryAfter)));
    }

    void retryAfter(int seconds) {
        retryAfter = seconds;
    }
}
