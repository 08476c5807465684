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
 * Answers a {@link RouteTable} on Jetty: 404 for no route, 405 with {@code Allow} for a wrong method, 401
 * when the {@link Authenticator} refuses the credential of a route not {@link Permission#PUBLIC}, 403 when
 * the caller lacks the route's permission, and 413 for a
 * body over the limit: a Content-Length over it is refused first, on any path, before anything is read;
 * a streamed body once the limit is passed. A failing route answers 500 without the exception's details, which go to the log.
 */
public final class RouteHandler extends Handler.Abstract {

    /** The body limit unless a service sets its own. */
    public static final int DEFAULT_MAX_BODY = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(RouteHandler.class);

    private final RouteTable table;
    private final Authenticator authenticator;
    private final int maxBody;

    public RouteHandler(RouteTable table, Authenticator authenticator, int maxBody) {
        if (maxBody < 0) {
            throw new IllegalArgumentException("maxBody cannot be negative: " + maxBody);
        }
        this.table = table;
        this.authenticator = authenticator;
        this.maxBody = maxBody;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        try {
            if (request.getLength() > maxBody) {
                reply(tooLarge(), response, callback);
                return true;
            }
            Optional<RouteTable.Match> match = table.find(request.getMethod(), path);
            if (match.isEmpty()) {
                Set<String> allowed = table.allowed(path);
                reply(allowed.isEmpty() ? Reply.error(404, "No resource " + path)
                        : Reply.error(405, request.getMethod() + " is not allowed on " + path).with("Allow", String.join(", ", allowed)),
                        response, callback);
                return true;
            }
            Route route = match.get().route();
            Caller caller;
            try {
                caller = route.permission() == Permission.PUBLIC ? Caller.anonymous() : authenticator.authenticate(credential(request));
            } catch (Authenticator.Unauthenticated refused) {
                reply(Reply.error(401, refused.getMessage()).with("WWW-Authenticate", "Bearer"), response, callback);
                return true;
            }
            if (!caller.may(route.permission())) {
                reply(Reply.error(403, caller.subject() + " lacks the permission " + route.permission().grant()), response, callback);
                return true;
            }
            Optional<String> body = body(request);
            if (body.isEmpty()) {
                reply(tooLarge(), response, callback);
                return true;
            }
            HttpCall call = call(request, path, match.get().params(), body.get(), caller);
            if (route.target() instanceof Route.Stream stream) {
                stream(stream.route(), call, response, callback);
            } else {
                answer(((Route.Answer) route.target()).handler().handle(call), call, response, callback);
            }
        } catch (Exception e) {
            reply(failed(request.getMethod(), path, e), response, callback);
        }
        return true;
    }

    private static void answer(CompletionStage<Reply> later, HttpCall call, Response response, Callback callback) {
        later.whenComplete((reply, error) -> reply(error == null ? reply : failed(call.method(), call.path(), error), response, callback));
    }

    private static Reply failed(String method, String path, Throwable error) {
        LOG.warn("HTTP {} {} failed", method, path, error);
        return Reply.error(500, "The request failed; the service's log has the details");
    }

    private Reply tooLarge() {
        return Reply.error(413, "The body is larger than " + maxBody + " bytes");
    }

    /** The body, or empty once more than the limit has been read (a declared length over it is refused before routing). */
    private Optional<String> body(Request request) throws IOException {
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

    private static void reply(Reply reply, Response response, Callback callback) {
        response.setStatus(reply.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
        reply.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        response.write(true, ByteBuffer.wrap(reply.bytes()), callback);
    }

    /** The answer stays open: the callback completes when the stream ends. */
    private static void stream(StreamRoute route, HttpCall call, Response response, Callback callback) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        EventStream stream = new EventStream(response, callback, EventStream.MAX_PENDING);
        stream.comment("connected");
        try {
            route.open(call, stream);
        } catch (Exception e) {
            // the answer has begun: no error status can follow, so the stream ends
            LOG.warn("Event stream {} could not open", call.path(), e);
            stream.close();
        }
    }

    /** The bearer header: never a token in the URL, where logs, proxies and the browser's history keep it (the dashboard's event stream sends the header too). */
    private static Optional<String> credential(Request request) {
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        return header != null && header.startsWith("Bearer ") ? Optional.of(header.substring("Bearer ".length()).trim()) : Optional.empty();
    }
}
