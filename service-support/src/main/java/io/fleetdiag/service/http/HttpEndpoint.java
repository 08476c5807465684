package io.fleetdiag.service.http;

import java.util.List;
import java.util.Optional;
import io.fleetdiag.service.access.Authenticator;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
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
        return start(host, port, Optional.empty(), authenticator, routes);
    }

    /** As {@link #start(String, int, Authenticator, List)}, speaking only HTTPS when {@code tls} is given. */
    public static HttpEndpoint start(String host, int port, Optional<SslContextFactory.Server> tls, Authenticator authenticator,
                                     List<Route> routes) throws Exception {
        return start(host, port, tls, authenticator, routes, RouteHandler.DEFAULT_MAX_BODY);
    }

    /** As above, refusing bodies over {@code maxBody} bytes with 413. */
    public static HttpEndpoint start(String host, int port, Optional<SslContextFactory.Server> tls, Authenticator authenticator,
                                     List<Route> routes, int maxBody) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("fleetdiag-http");
        threads.setDaemon(true);
        Server server = new Server(threads);
        ServerConnector connector = tls.map(context -> https(server, context)).orElseGet(() -> new ServerConnector(server));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new RouteHandler(new RouteTable(routes), authenticator, maxBody));
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return new HttpEndpoint(server, connector);
    }

    /** The request says https and carries the client's certificate, if any; the SNI name is not checked, so a client may call by IP address. */
    private static ServerConnector https(Server server, SslContextFactory.Server context) {
        HttpConfiguration https = new HttpConfiguration();
        https.addCustomizer(new SecureRequestCustomizer(false));
        return new ServerConnector(server, context, new HttpConnectionFactory(https));
    }

    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
