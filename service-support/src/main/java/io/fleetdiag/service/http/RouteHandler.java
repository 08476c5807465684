package io.fleetdiag.service.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import io.fleetdiag.service.access.Authenticator;
import io.fleetdiag.service.access.Caller;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a {@link RouteTable} on Jetty. In order: a state change through a foreign Host (421), from a
 * foreign Origin (403) or with a body not typed JSON (415) is refused ({@link RequestGuard}); a
 * Content-Length over the largest route's limit is refused (413) on any path before anything is read; 404
 * for no route, 405 with {@code Allow} for a wrong method; 401 when the {@link Authenticator} refuses the
 * credential of a route not {@link Permission#PUBLIC}, 403 when the caller lacks the route's permission;
 * only then is the body read, up to the route's own limit (413 past it). An event stream beyond the
 * {@link StreamCaps} answers 503 or 429. Every reply carries the {@link SecurityHeaders}. A failing route
 * answers 500 without the exception's details, which go to the log. A refusal that leaves a body unread closes the
 * connection ({@code Connection: close}).
 */
public final class RouteHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(RouteHandler.class);

    private final RouteTable table;
    private final Authenticator authenticator;
    private final HttpPolicy policy;
    private final StreamCaps streams;
    private final int largestBody;

    public RouteHandler(RouteTable table, Authenticator authenticator, HttpPolicy policy) {
        this.table = table;
        this.authenticator = authenticator;
        this.policy = policy;
        this.streams = new StreamCaps(policy.maxStreams(), policy.maxStreamsPerCaller());
        this.largestBody = table.routes().stream().mapToInt(Route::maxBody).max().orElse(0);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        try {
            HttpFields headers = request.getHeaders();
            boolean hasBody = request.getLength() > 0 || headers.contains(HttpHeader.TRANSFER_ENCODING);
            Optional<Reply> refused = policy.guard().refusal(request.getMethod(), host(request), headers.get(HttpHeader.ORIGIN),
                    headers.get(HttpHeader.CONTENT_TYPE), hasBody);
            if (refused.isPresent()) {
                refuse(refused.get(), hasBody, response, callback);
                return true;
            }
            if (request.getLength() > largestBody) {
                refuse(tooLarge(largestBody), hasBody, response, callback);
                return true;
            }
            Optional<RouteTable.Match> match = table.find(request.getMethod(), path);
            if (match.isEmpty()) {
                Set<String> allowed = table.allowed(path);
                refuse(allowed.isEmpty() ? Reply.error(404, "No resource " + path)
                        : Reply.error(405, request.getMethod() + " is not allowed on " + path).with("Allow", String.join(", ", allowed)),
                        hasBody, response, callback);
                return true;
            }
            Route route = match.get().route();
            Caller caller;
            try {
                caller = route.permission() == Permission.PUBLIC ? Caller.anonymous() : authenticator.authenticate(credential(request));
            } catch (Authenticator.Unauthenticated unauthenticated) {
                refuse(Reply.error(401, unauthenticated.getMessage()).with("WWW-Authenticate", "Bearer"), hasBody, response, callback);
                return true;
            }
            if (!caller.may(route.permission())) {
                refuse(Reply.error(403, caller.subject() + " lacks the permission " + route.permission().grant()), hasBody, response, callback);
                return true;
            }
            Optional<String> body = request.getLength() > route.maxBody() ? Optional.empty() : body(request, route.maxBody());
            if (body.isEmpty()) {
                refuse(tooLarge(route.maxBody()), true, response, callback);
                return true;
            }
            HttpCall call = call(request, path, match.get().params(), body.get(), caller);
            if (route.target() instanceof Route.Stream stream) {
                Optional<Reply> full = streams.admit(caller.subject());
                if (full.isPresent()) {
                    reply(full.get(), response, callback);
                } else {
                    stream(stream.route(), call, response, callback);
                }
            } else {
                answer(((Route.Answer) route.target()).handler().handle(call), call, response, callback);
            }
        } catch (Exception e) {
            reply(failed(request.getMethod(), path, e), response, callback);
        }
        return true;
    }

    /**
     * A refusal that leaves a body unread ends the connection and says so: the unread bytes would otherwise be taken
     * for the next request, and a client that pooled the connection would send its next request into a closed socket.
     */
    private void refuse(Reply reply, boolean bodyUnread, Response response, Callback callback) {
        reply(bodyUnread ? reply.with("Connection", "close") : reply, response, callback);
    }

    /** Event streams open now. */
    public int openStreams() {
        return streams.open();
    }

    private void answer(CompletionStage<Reply> later, HttpCall call, Response response, Callback callback) {
        later.whenComplete((reply, error) -> reply(error == null ? reply : failed(call.method(), call.path(), error), response, callback));
    }

    private static Reply failed(String method, String path, Throwable error) {
        LOG.warn("HTTP {} {} failed", method, path, error);
        return Reply.error(500, "The request failed; the service's log has the details");
    }

    private static Reply tooLarge(int limit) {
        return Reply.error(413, "The body is larger than " + limit + " bytes");
    }

    /** The body, or empty once more than {@code maxBody} has been read (a declared length over it is refused unread). */
    private static Optional<String> body(Request request, int maxBody) throws IOException {
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] bytes = in.readNBytes(maxBody + 1);
            return bytes.length > maxBody ? Optional.empty() : Optional.of(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private static HttpCall call(Request request, String path, Map<String, String> params, String body, Caller caller) {
        Map<String, String> query = new HashMap<>();
        Fields fields = Request.extractQueryParameters(request);
        fields.forEach(field -> query.put(field.getName(), field.getValue()));
        Map<String, String> headers = new HashMap<>();
        for (HttpField header : request.getHeaders()) {
            headers.put(header.getName().toLowerCase(Locale.ROOT), header.getValue());
        }
        return new HttpCall(request.getMethod(), path, params, query, headers, body, request.getHttpURI().toURI(), caller);
    }

    private void reply(Reply reply, Response response, Callback callback) {
        response.setStatus(reply.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
        policy.headers().headers(reply.headers().keySet().stream().anyMatch("Cache-Control"::equalsIgnoreCase))
                .forEach((name, value) -> response.getHeaders().put(name, value));
        reply.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        response.write(true, ByteBuffer.wrap(reply.bytes()), callback);
    }

    /** The answer stays open: the callback completes when the stream ends, and its place under the caps is given back. */
    private void stream(StreamRoute route, HttpCall call, Response response, Callback callback) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        policy.headers().headers(false).forEach((name, value) -> response.getHeaders().put(name, value));
        EventStream stream = new EventStream(response, callback, EventStream.MAX_PENDING);
        stream.whenClosed(() -> streams.release(call.caller().subject()));
        stream.comment("connected");
        try {
            route.open(call, stream);
        } catch (Exception e) {
            // the answer has begun: no error status can follow, so the stream ends
            LOG.warn("Event stream {} could not open", call.path(), e);
            stream.close();
        }
    }

    /** The Host header, or HTTP/2's authority, which Jetty puts in the request's URI. */
    private static String host(Request request) {
        String host = request.getHeaders().get(HttpHeader.HOST);
        return host != null ? host : request.getHttpURI().getAuthority();
    }

    /** The bearer header: never a token in the URL, where logs, proxies and the browser's history keep it (the dashboard's event stream sends the header too). */
    private static Optional<String> credential(Request request) {
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        return header != null && header.startsWith("Bearer ") ? Optional.of(header.substring("Bearer ".length()).trim()) : Optional.empty();
    }
}
