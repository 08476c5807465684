package io.fleetdiag.service.http;

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
 * A service's HTTP side (health, metrics, and the result processor's queries) on Jetty. Routes match by
 * path prefix, longest first. It binds to loopback unless told otherwise, and with a bearer token set
 * every route but {@code /health} requires {@code Authorization: Bearer <token>}.
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
        private final Map<String, Route> routes;
        private final Optional<byte[]> token;

        Router(Map<String, Route> routes, Optional<String> bearerToken) {
            Map<String, Route> byLength = new LinkedHashMap<>();
            routes.keySet().stream().sorted((a, b) -> b.length() - a.length()).forEach(prefix -> byLength.put(prefix, routes.get(prefix)));
            this.routes = byLength;
            this.token = bearerToken.filter(value -> !value.isBlank()).map(value -> value.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String path = Request.getPathInContext(request);
            Reply reply;
            try {
                reply = answer(request, path);
            } catch (Exception e) {
                LOG.warn("HTTP {} {} failed", request.getMethod(), path, e);
                reply = Reply.error(500, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            response.setStatus(reply.status());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType() + "; charset=utf-8");
            response.write(true, ByteBuffer.wrap(reply.body().getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        }

        private Reply answer(Request request, String path) throws Exception {
            for (Map.Entry<String, Route> route : routes.entrySet()) {
                if (path.equals(route.getKey()) || path.startsWith(route.getKey().endsWith("/") ? route.getKey() : route.getKey() + "/")) {
                    if (!path.equals("/health") && !authorized(request)) {
                        return Reply.error(401, "Bearer token required");
                    }
                    Map<String, String> query = new HashMap<>();
                    Fields fields = Request.extractQueryParameters(request);
                    fields.forEach(field -> query.put(field.getName(), field.getValue()));
                    Map<String, String> headers = new HashMap<>();
                    for (HttpField header : request.getHeaders()) {
                        headers.put(header.getName().toLowerCase(Locale.ROOT), header.getValue());
                    }
                    String body = Content.Source.asString(request, StandardCharsets.UTF_8);
                    String rest = path.length() > route.getKey().length() ? path.substring(route.getKey().length()) : "";
                    return route.getValue().handle(new HttpCall(request.getMethod(), path, rest.startsWith("/") ? rest.substring(1) : rest,
                            query, headers, body));
                }
            }
            return Reply.error(404, "No resource " + path);
        }

        private boolean authorized(Request request) {
            if (token.isEmpty()) {
                return true;
            }
            String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
            return header != null && header.startsWith("Bearer ")
                    && MessageDigest.isEqual(token.get(), header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8));
        }
    }
}
