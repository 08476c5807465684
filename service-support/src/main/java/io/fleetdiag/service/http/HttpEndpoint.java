package io.fleetdiag.service.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's HTTP side (health, metrics, and the result processor's queries, event stream and static
 * pages) on Jetty. Routes match by path prefix, longest first. It binds to loopback unless told
 * otherwise, and with a bearer token set every route but {@code /health} and static files requires
 * {@code Authorization: Bearer <token>} (an event stream also takes {@code ?access_token=<token>}).
 */
public final class HttpEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoint.class);

    private final Server server;
    private final ServerConnector connector;

    private HttpEndpoint(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /** Starts on {@code host:port} (port 0 picks a free one); routes are keyed by path prefix. */
    public static HttpEndpoint start(String host, int port, Optional<String> bearerToken, Map<String, Route> routes) throws Exception {
        return start(host, port, bearerToken, HttpRoutes.of(routes));
    }

    /** The same with event streams and static files as well. */
    public static HttpEndpoint start(String host, int port, Optional<String> bearerToken, HttpRoutes routes) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("fleetdiag-http");
        threads.setDaemon(true);
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Router(routes, bearerToken));
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return new HttpEndpoint(server, connector);
    }

    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private static final class Router extends Handler.Abstract {
        private final Map<String, Object> targets;
        private final Optional<byte[]> token;

        Router(HttpRoutes routes, Optional<String> bearerToken) {
            Map<String, Object> all = new HashMap<>(routes.routes());
            all.putAll(routes.streams());
            all.putAll(routes.files());
            Map<String, Object> byLength = new LinkedHashMap<>();
            all.keySet().stream().sorted((a, b) -> b.length() - a.length()).forEach(prefix -> byLength.put(prefix, all.get(prefix)));
            this.targets = byLength;
            this.token = bearerToken.filter(value -> !value.isBlank()).map(value -> value.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String path = Request.getPathInContext(request);
            Map.Entry<String, Object> target = targets.entrySet().stream()
                    .filter(entry -> path.equals(entry.getKey()) || path.startsWith(entry.getKey().endsWith("/") ? entry.getKey() : entry.getKey() + "/"))
                    .findFirst().orElse(null);
            Reply reply;
            try {
                if (target == null) {
                    reply = Reply.error(404, "No resource " + path);
                } else if (target.getValue() instanceof ClasspathFiles files) {
                    return file(files, request, response, callback, path, target.getKey());
                } else if (!path.equals("/health") && !authorized(request, target.getValue() instanceof StreamRoute)) {
                    reply = Reply.error(401, "Bearer token required");
                } else if (target.getValue() instanceof StreamRoute stream) {
                    return stream(stream, call(request, path, target.getKey()), response, callback);
                } else {
                    reply = ((Route) target.getValue()).handle(call(request, path, target.getKey()));
                }
            } catch (Exception e) {
                LOG.warn("HTTP {} {} failed", request.getMethod(), path, e);
                reply = Reply.error(500, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            response.setStatus(reply.status());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType() + "; charset=utf-8");
            response.write(true, ByteBuffer.wrap(reply.body().getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        }

        private static HttpCall call(Request request, String path, String prefix) throws IOException {
            Map<String, String> query = new HashMap<>();
            Fields fields = Request.extractQueryParameters(request);
            fields.forEach(field -> query.put(field.getName(), field.getValue()));
            Map<String, String> headers = new HashMap<>();
            for (HttpField header : request.getHeaders()) {
                headers.put(header.getName().toLowerCase(Locale.ROOT), header.getValue());
            }
            String body = Content.Source.asString(request, StandardCharsets.UTF_8);
            String rest = path.length() > prefix.length() ? path.substring(prefix.length()) : "";
            return new HttpCall(request.getMethod(), path, rest.startsWith("/") ? rest.substring(1) : rest, query, headers, body);
        }

        /** The answer stays open: the callback completes when the stream ends. */
        private static boolean stream(StreamRoute route, HttpCall call, Response response, Callback callback) {
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
            return true;
        }

        private static boolean file(ClasspathFiles files, Request request, Response response, Callback callback, String path, String prefix)
                throws Exception {
            if (path.equals(prefix) && !prefix.endsWith("/")) {
                response.setStatus(302);
                response.getHeaders().put(HttpHeader.LOCATION, prefix + "/");
                response.write(true, ByteBuffer.allocate(0), callback);
                return true;
            }
            Optional<ClasspathFiles.File> file = request.getMethod().equals("GET") || request.getMethod().equals("HEAD")
                    ? files.find(path.substring(prefix.length()).replaceFirst("^/", "")) : Optional.empty();
            response.setStatus(file.isPresent() ? 200 : 404);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, file.map(ClasspathFiles.File::contentType).orElse("text/plain; charset=utf-8"));
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
            byte[] body = file.map(ClasspathFiles.File::bytes).orElse(("No file " + path).getBytes(StandardCharsets.UTF_8));
            response.write(true, ByteBuffer.wrap(body), callback);
            return true;
        }

        /** The bearer header, or for an event stream also {@code ?access_token=}; compared in constant time. */
        private boolean authorized(Request request, boolean queryTokenAllowed) {
            if (token.isEmpty()) {
                return true;
            }
            String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
            if (header != null && header.startsWith("Bearer ")) {
                return matches(header.substring("Bearer ".length()).trim());
            }
            String fromQuery = queryTokenAllowed ? Request.extractQueryParameters(request).getValue("access_token") : null;
            return fromQuery != null && matches(fromQuery);
        }

        private boolean matches(String given) {
            return MessageDigest.isEqual(token.get(), given.getBytes(StandardCharsets.UTF_8));
        }
    }
}
