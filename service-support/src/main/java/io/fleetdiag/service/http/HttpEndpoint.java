package io.fleetdiag.service.http;

import java.util.List;
import io.fleetdiag.service.access.Authenticator;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A service's HTTP side (health, metrics, and the result processor's queries, event stream and static
 * pages) on Jetty, answering a {@link RouteTable}. It binds to loopback unless told otherwise; every route
 * that is not {@link Permission#PUBLIC} asks its {@link Authenticator} who calls.
 */
public final class HttpEndpoint implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;

    private HttpEndpoint(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /** Starts on {@code host:port} (port 0 picks a free one), answering {@code routes} ({@link RouteHandler}). */
    public static HttpEndpoint start(String host, int port, Authenticator authenticator, List<Route> routes) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("fleetdiag-http");
        threads.setDaemon(true);
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new RouteHandler(new RouteTable(routes), authenticator, RouteHandler.DEFAULT_MAX_BODY));
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
}
