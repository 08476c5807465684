package io.fleetdiag.benchmarks.notifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

/** A webhook receiver on loopback that answers 204 at once and notes when each notification in a body arrived. */
final class WebhookSink implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Arrivals arrivals = new Arrivals();

    private WebhookSink(HttpServer server) {
        this.server = server;
    }

    static WebhookSink start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        WebhookSink sink = new WebhookSink(server);
        server.createContext("/", exchange -> {
            try (exchange) {
                JsonNode body = JSON.readTree(exchange.getRequestBody());
                long now = System.nanoTime();
                for (JsonNode notification : body.path("notifications")) {
                    sink.arrivals.arrived(notification.path("alertId").asText(), notification.path("status").asText(), now);
                }
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.start();
        return sink;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/fleetdiag";
    }

    Arrivals arrivals() {
        return arrivals;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
